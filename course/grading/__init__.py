"""Instructor grading pipeline: release, grade, feedback, report."""
