"""The supervisor's queue of submissions (app.services.review_queue)."""

from __future__ import annotations

from app.models import Case
from app.models.enums import Stage
from app.services import reviews
from app.services.review_queue import pending_reviews
from app.store.store import Store
from tests.services.test_reviews import _open_case_with_plan


def test_a_plan_left_waiting_when_its_case_closed_leaves_the_queue(store: Store) -> None:
    case_id, plan_id = _open_case_with_plan(store)
    with store.transaction() as session:
        review_id = reviews.submit_plan(session, plan_id, "請督導審閱")
    with store.transaction() as session:
        assert [row.review_id for row in pending_reviews(session)] == [review_id]
        session.get_one(Case, case_id).stage = Stage.G  # the client withdrew before the plan started
    with store.transaction() as session:
        assert pending_reviews(session) == []
