from wagtail import hooks

from events.switcher import carried_event_filters

# The language switcher keeps the events listing's filters (site_core/navigation.py, carried_query).
hooks.register("carry_listing_filters", carried_event_filters)
