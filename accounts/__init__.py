"""Staff accounts: sign-in with password and TOTP, server-side sessions, roles, the audit log."""
