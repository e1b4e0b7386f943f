"""``--executor dask`` on a real LocalCluster of two worker processes."""

from __future__ import annotations

import pytest

from cli_helpers import STRENGTHENED, UNAUTHORISED, claimlint, write

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def cluster():
    from distributed import Client, LocalCluster

    with LocalCluster(n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None) as cluster, Client(cluster) as client:
        yield cluster, client


@pytest.fixture
def feed(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    rows = "".join(
        f'p{i},"<p>{STRENGTHENED if i % 2 else UNAUTHORISED}</p>\n<p>Batch {i}.</p>"\n' for i in range(40)
    ) + "bad,row,with,too,many\n"
    write(tmp_path, "p.csv", "Handle,Body (HTML)\n" + rows)
    return ("--id-field", "Handle", "--text-field", "Body (HTML)", "p.csv")


def test_dask_report_is_byte_identical_with_one_engine_per_worker(cluster, feed):
    _, client = cluster
    address = cluster[0].scheduler_address
    for fmt in ("sarif", "text"):
        one = claimlint("check", "--format", fmt, *feed)
        spread = claimlint("check", "--format", fmt, "--executor", "dask", "--scheduler", address, "--partition-rows", "3", *feed)
        assert spread.exit_code == one.exit_code == 2  # the bad row
        assert spread.stdout == one.stdout
        assert one.stdout.count("HC103") >= 20
    # 14 partitions per run, two runs: each worker process built its engine once.
    from claimlint.run.dask_executor import engine_builds

    builds = client.run(engine_builds)
    assert len(builds) == 2 and all(len(keys) == 1 for keys in builds.values())


@pytest.mark.slow  # starts a second cluster of its own: half a minute and more
def test_without_a_scheduler_a_local_cluster_is_started(tmp_path, feed):
    from claimlint.api import Linter
    from claimlint.readers.feeds import FeedOptions

    options = FeedOptions(id_field="Handle", text_fields=("Body (HTML)",))
    with Linter(executor="dask", jobs=2, partition_rows=10) as linter:
        spread = [d.to_dict() for d in linter.lint_feed("p.csv", options)]
    here = [d.to_dict() for d in Linter().lint_feed("p.csv", options)]
    assert spread == here and len(here) >= 41
