"""The pages `make bench` measures, by name and address."""

TARGETS = [
    ("home page", "/en/"),
    ("news index", "/en/news/"),
    ("news page", "/en/news/bench-post-10/"),
    ("home page (zh-hans)", "/zh-hans/"),
    ("event index", "/en/events/"),
    ("event page", "/en/events/bench-event-150/"),
    ("film index", "/en/films/"),
    ("film page", "/en/films/hard-to-believe/"),
    ("search", "/en/search/?q=persecution"),
]
# Measured again on the data set with more posts (uncached).
GROWTH_TARGETS = ["home page", "news index"]
# Measured on PostgreSQL + Redis.
KEY_TARGETS = ["home page", "news index", "news page", "event index", "film page", "search"]
LIGHTHOUSE_PAGES = ["/en/", "/en/news/case-report-73-year-old-recovers/", "/he/"]
