"""The browser surface: sign-in and the executive showcase pages (server-rendered, offline)."""
