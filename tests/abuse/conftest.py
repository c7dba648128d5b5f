from tests.abuse.harness import ws  # noqa: F401  (the fixture, for every abuse test)
