"""The demo site (``manage.py load_demo``): its words in every language, pictures, news posts,
events and films, and the code that builds it through Wagtail and wagtail-localize."""
