"""Shared web infrastructure with no domain in it: reading requests, security headers and
CSRF, the Jinja environment, the database, the job queue and the mail outbox, logs,
rate limits, the OpenAPI document, /healthz and /metrics. Every other package may import
it; it imports only ``settings``."""
