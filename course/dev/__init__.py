"""Maintainer tools (notebook output stripping, catalog checks); not for trainees."""
