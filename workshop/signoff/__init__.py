"""Sign-off: signatures, the local signing authority, PAdES signing and verification, the signed record."""
