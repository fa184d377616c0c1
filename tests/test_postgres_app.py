"""Two workspace processes share one PostgreSQL store and one Chroma server: a plan drafted and submitted
through one is reviewed through the other; once approved it can no longer be changed from either."""
from __future__ import annotations

import pytest
from gradio_client import Client
from gradio_client.exceptions import AppError

from .conftest import TRAINER_NOTES
from .servers import HR, MANAGER, PASSWORD, running_app, running_chroma

pytestmark = pytest.mark.postgres
NEW_SESSION = {"plan_id": None, "notes": "", "revision": None}


def test_two_app_processes_share_one_postgres_store_and_one_chroma_server(tmp_path, postgres_databases):
    env = {"PLANCOACH_DATABASE_URL": postgres_databases(), "PLANCOACH_SECRET_KEY": "shared by both processes"}
    with running_chroma(tmp_path / "chroma") as chroma:
        env["PLANCOACH_CHROMA_URL"] = chroma
        with running_app(tmp_path / "a", accounts=True, env=env) as first, running_app(tmp_path / "b", env=env) as second:
            mia_a = Client(first, auth=(MANAGER[0], PASSWORD), verbose=False)
            out = mia_a.predict(TRAINER_NOTES, "", "", "", NEW_SESSION, api_name="/draft")
            plan_id, session = out[12], out[11]
            assert "training" in out[9].lower()  # drawn on sample plans served by the shared Chroma server

            mia_b = Client(second, auth=(MANAGER[0], PASSWORD), verbose=False)
            opened = mia_b.predict(plan_id, api_name="/open")
            assert opened[12] == plan_id and opened[11] == TRAINER_NOTES
            mia_a.predict(TRAINER_NOTES, session, api_name="/submit")

            hana_b = Client(second, auth=(HR[0], PASSWORD), verbose=False)
            assert any(row[0] == plan_id for row in hana_b.predict(api_name="/plans")["data"])
            _, trail, _, _ = hana_b.predict(plan_id, "Approved after review.", "", api_name="/hr_approve")
            assert [row[1] for row in trail["data"] if row[2] == "approved"] == [HR[0]]  # the history's step, in words
            with pytest.raises(AppError, match="can no longer be changed"):
                mia_a.predict(TRAINER_NOTES, session, api_name="/submit")
