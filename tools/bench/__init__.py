"""`make bench`: real pages measured next to a bare Django view (``manage.py bench``), the bulk
benchmark content (``load_bench_posts``) and the translation overview's timing
(``bench_overview``)."""
