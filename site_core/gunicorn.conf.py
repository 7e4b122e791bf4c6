"""gunicorn settings for `make serve` and production.

Override any of them on the command line or with gunicorn's own GUNICORN_CMD_ARGS, e.g.
GUNICORN_CMD_ARGS="--workers 4 --bind 0.0.0.0:8000".

Sync workers: rendering is CPU-bound and the page cache answers most readers; two per core is
the usual starting point on a small server.
"""

import multiprocessing

wsgi_app = "site_core.wsgi:application"
bind = "127.0.0.1:8000"
workers = multiprocessing.cpu_count() * 2
worker_class = "sync"
timeout = 30
graceful_timeout = 20
keepalive = 5
max_requests = 2000  # recycle workers now and then (memory)
max_requests_jitter = 200
forwarded_allow_ips = "127.0.0.1"  # the reverse proxy on this machine
accesslog = "-"
# No full client addresses in the logs (readers' privacy): method, path, status, size, time.
access_log_format = '"%(r)s" %(s)s %(b)s %(M)sms'
errorlog = "-"
loglevel = "info"
