"""The Run page, its session, keys, projector window, airtime widgets and chime."""
