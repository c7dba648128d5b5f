"""Plan stage: the request and the workspace's files → a frozen ``BuildPlan``.

``resolve`` layers every default and override once; ``booklet`` and ``pack``
arrange answers into sections; ``select`` filters and orders them;
``workspace`` reads studypack.yaml; ``inputs`` lists what a build reads;
``checks`` plans without building, for ``studypack check``.
"""
