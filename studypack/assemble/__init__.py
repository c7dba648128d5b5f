"""Assemble stage (pikepdf): laid-out parts and included PDFs → one merged document.

``slots`` places every part (pure arithmetic on page counts); ``merge``
copies pages and adds outline, labels, links and stamps; ``fonts`` stores
each font subset once; ``included`` checks and measures the centre's PDFs;
``active_content`` strips what a study pack must not run.
"""
