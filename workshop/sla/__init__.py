"""The service level agreement: clauses, their numbers and sources, signatories, fingerprint."""
