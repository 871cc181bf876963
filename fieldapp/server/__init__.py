"""The office server (`fieldapp serve`): devices sync over HTTPS, anyone verifies a notice's QR, enterprises
report their rectification, and office staff work in the web console.

A front end like `ui/` and `cli/`: every page and endpoint calls the services, never the database. Installed with
the `fieldapp[server]` extra; the field installer never carries it.
"""
