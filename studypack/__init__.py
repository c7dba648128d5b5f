"""studypack: structured exam answers in, print-ready study booklets out.

The pipeline (see ``build.py``): content YAML → frozen ``Question`` records →
a ``BookletPlan`` → a PDF rendered with ReportLab.
"""

__version__ = "0.1.0"
