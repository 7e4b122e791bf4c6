"""gunicorn settings for `make serve` and production.

Override any of them on the command line or with gunicorn's own GUNICORN_CMD_ARGS, e.g.
GUNICORN_CMD_ARGS="--workers 4 --bind 0.0.0.0:8000".

Sync workers: rendering is CPU-bound and the page cache answers most readers; two per core is
the usual starting point on a small server.
"""

import multiprocessing

from site_core.settings import environment as env

wsgi_app = "site_core.wsgi:application"
bind = "127.0.0.1:8000"
workers = multiprocessing.cpu_count() * 2
worker_class = "sync"
timeout = 30
graceful_timeout = 20
keepalive = 5
max_requests = 2000  # recycle workers now and then (memory)
max_requests_jitter = 200
# X-Forwarded-Proto (an https address, HSTS) is believed only from the reverse proxy on this
# machine, and only when PROXY_COUNT says there is one: otherwise anyone who can reach gunicorn
# (everybody on the machine, with `make serve`) could claim HTTPS. Django agrees
# (SECURE_PROXY_SSL_HEADER in settings/production.py).
forwarded_allow_ips = "127.0.0.1,::1" if env.PROXY_COUNT else ""
secure_scheme_headers = {"X-FORWARDED-PROTO": "https"} if env.PROXY_COUNT else {}
accesslog = "-"
# No full client addresses in the logs (readers' privacy): method, path, status, size, time.
access_log_format = '"%(r)s" %(s)s %(b)s %(M)sms'
errorlog = "-"
loglevel = "info"
# gunicorn 25+ opens a control socket for `gunicornc` at $HOME/.gunicorn/gunicorn.ctl: one path
# for every gunicorn of the same user, so a second `make serve` (or `make bench`) took it over
# and stopping either removed it. Nothing here uses it: off.
control_socket_disable = True
