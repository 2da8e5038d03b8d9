"""The Sign-off page: the frozen SLA, the signature pad, the signed records."""
