"""Services: user actions that combine the database (models) with files (photos, documents, keys).

The CLI and the UI call these; they take a Workspace (database + data directory).
"""
