"""Attachment content: chunked, resumable uploads by SHA-256, verified when complete; downloads only for users who
see an attachment naming the content, audited; limits and refusals in the protocol's error shape."""

from __future__ import annotations

import hashlib
import random
import threading
import uuid
from dataclasses import dataclass

import httpx
import pytest

from server.models import Role
from server.services.blobs import CHUNK_MAX, MAX_BLOB
from tests.server.support import Api, Env

BLOBS = "/api/v1/sync/blobs"


@dataclass
class Team:
    owner: Api
    supervisor: Api
    colleague: Api  # same team, another caseload
    outsider: Api  # another team
    admin: Api
    client_id: str
    case_id: str


@pytest.fixture(scope="module")
def team(env: Env) -> Team:
    name = env.team()
    owner = env.login(env.user(team=name, prefix="cm"))
    client_id, case_id = owner.caseload()
    return Team(
        owner=owner,
        supervisor=env.login(env.user(Role.SUPERVISOR, team=name, prefix="sup")),
        colleague=env.login(env.user(team=name, prefix="cm")),
        outsider=env.login(env.user(team=env.team(), prefix="out")),
        admin=env.login(env.user(Role.ADMIN, team=name, prefix="adm")),
        client_id=client_id,
        case_id=case_id,
    )


def _content(size: int, seed: int) -> bytes:
    return random.Random(seed).randbytes(size)


def _attach(team: Team, content: bytes, *, sha256: str | None = None) -> tuple[str, str]:
    """Push an attachment record of the owner's case naming this content; (record id, hash)."""
    digest = sha256 or hashlib.sha256(content).hexdigest()
    record_id = str(uuid.uuid4())
    fields = {
        "case_id": team.case_id,
        "filename": "身心障礙證明.pdf",
        "media_type": "application/pdf",
        "sha256": digest,
        "size": len(content),
    }
    result = team.owner.push_one(team.owner.op("attachment", record_id, fields, op="insert"))
    assert result["status"] == "applied", result
    return record_id, digest


def _put(api: Api, digest: str, data: bytes, offset: int, size: int) -> httpx.Response:
    return api.client.put(
        f"{BLOBS}/{digest}",
        params={"offset": offset, "size": size},
        content=data,
        headers={"Content-Type": "application/octet-stream"},
    )


def _upload(api: Api, digest: str, content: bytes, start: int = 0) -> httpx.Response:
    offset = start
    while True:
        response = _put(api, digest, content[offset : offset + CHUNK_MAX], offset, len(content))
        offset += CHUNK_MAX
        if response.status_code != 200 or offset >= len(content):
            return response


def _blob_rows(env: Env, digest: str) -> tuple[int, int]:
    row = env.sql(
        "SELECT (SELECT count(*) FROM sync_blob WHERE sha256 = :d), "
        "(SELECT count(*) FROM sync_blob_chunk WHERE sha256 = :d)",
        d=digest,
    )[0]
    return int(row[0]), int(row[1])


def test_an_upload_resumes_where_the_server_stopped_and_comes_back_byte_for_byte(env: Env, team: Team) -> None:
    content = _content(2 * CHUNK_MAX + 12345, seed=1)
    record_id, digest = _attach(team, content)
    owner = team.owner
    status = owner.client.get(f"{BLOBS}/{digest}/status")
    assert status.status_code == 200
    assert status.json() == {"sha256": digest, "size": None, "received": 0, "complete": False}

    first = _put(owner, digest, content[:CHUNK_MAX], 0, len(content))  # then the link drops
    assert first.status_code == 200 and first.json()["received"] == CHUNK_MAX
    head = owner.client.head(f"{BLOBS}/{digest}/status")
    assert head.status_code == 200 and head.headers["x-fieldcase-blob-received"] == str(CHUNK_MAX)
    assert head.headers["x-fieldcase-blob-complete"] == "0"
    again = _put(owner, digest, content[:CHUNK_MAX], 0, len(content))  # a retry whose answer was lost
    assert again.status_code == 409 and again.json()["detail"]["code"] == "offset"
    assert again.headers["x-fieldcase-blob-received"] == str(CHUNK_MAX)
    assert owner.client.get(f"{BLOBS}/{digest}").json()["detail"]["code"] == "blob_missing"

    done = _upload(owner, digest, content, start=CHUNK_MAX)
    assert done.status_code == 200, done.text
    assert done.json() == {"sha256": digest, "size": len(content), "received": len(content), "complete": True}
    assert _put(owner, digest, content[-10:], len(content) - 10, len(content)).json()["complete"] is True

    for api in (owner, team.supervisor):
        whole = api.client.get(f"{BLOBS}/{digest}")
        assert whole.status_code == 200 and whole.content == content
        assert whole.headers["content-type"] == "application/octet-stream"
        assert whole.headers["x-fieldcase-blob-size"] == str(len(content))
    part = owner.client.get(f"{BLOBS}/{digest}", params={"offset": CHUNK_MAX - 5, "limit": 10})
    assert part.content == content[CHUNK_MAX - 5 : CHUNK_MAX + 5]
    rest = owner.client.get(f"{BLOBS}/{digest}", params={"offset": 2 * CHUNK_MAX}, headers={"Accept-Encoding": "gzip"})
    assert rest.content == content[2 * CHUNK_MAX :] and "content-encoding" not in rest.headers

    reads = env.sql(
        "SELECT username, record_id FROM audit_log WHERE action = 'read' AND detail LIKE :d", d=f"blob {digest}%"
    )
    assert {row[0] for row in reads} == {owner.username, team.supervisor.username} and len(reads) == 4
    assert all(str(uuid.UUID(str(row[1]))) == record_id for row in reads)
    writes = env.sql("SELECT count(*) FROM audit_log WHERE action = 'write' AND detail LIKE :d", d=f"blob {digest}%")
    assert writes[0][0] == 1


def test_a_corrupted_upload_is_refused_and_nothing_of_it_is_kept(env: Env, team: Team) -> None:
    content = _content(CHUNK_MAX + 100, seed=2)
    _, digest = _attach(team, content)
    damaged = bytearray(content)
    damaged[CHUNK_MAX + 7] ^= 0xFF
    first = _put(team.owner, digest, bytes(damaged[:CHUNK_MAX]), 0, len(content))
    assert first.status_code == 200 and _blob_rows(env, digest) == (1, 1)
    refused = _put(team.owner, digest, bytes(damaged[CHUNK_MAX:]), CHUNK_MAX, len(content))
    assert refused.status_code == 422, refused.text
    assert refused.json()["detail"]["code"] == "hash_mismatch" and refused.json()["detail"]["message_zh"]
    assert _blob_rows(env, digest) == (0, 0)
    assert team.owner.client.get(f"{BLOBS}/{digest}/status").json()["received"] == 0
    assert team.owner.client.get(f"{BLOBS}/{digest}").status_code == 404
    assert _upload(team.owner, digest, content).json()["complete"] is True  # the next sync sends it again
    assert team.owner.client.get(f"{BLOBS}/{digest}").content == content


def test_nobody_outside_the_scope_uploads_asks_about_or_downloads_the_content(env: Env, team: Team) -> None:
    content = _content(5000, seed=3)
    _, digest = _attach(team, content)
    assert _upload(team.owner, digest, content).status_code == 200
    for api in (team.colleague, team.outsider, team.admin):
        for response in (
            api.client.get(f"{BLOBS}/{digest}"),
            api.client.get(f"{BLOBS}/{digest}/status"),
            _put(api, digest, content, 0, len(content)),
        ):
            assert response.status_code == 403, (api.username, response.text)
            assert response.json()["detail"]["code"] == "scope"
    unknown = hashlib.sha256(b"nobody attached this").hexdigest()
    assert team.owner.client.get(f"{BLOBS}/{unknown}").status_code == 403
    assert _put(team.owner, unknown, b"nobody attached this", 0, 20).status_code == 403
    assert _blob_rows(env, unknown) == (0, 0)
    with env.server.client() as anonymous:
        assert anonymous.get(f"{BLOBS}/{digest}").status_code == 401
    reads = env.sql(
        "SELECT count(*) FROM audit_log WHERE action = 'read' AND detail LIKE :d AND username <> :u",
        d=f"blob {digest}%",
        u=team.owner.username,
    )
    assert reads[0][0] == 0


def test_a_deleted_attachment_no_longer_gives_its_content(team: Team) -> None:
    content = _content(300, seed=4)
    record_id, digest = _attach(team, content)
    assert _upload(team.owner, digest, content).status_code == 200
    version = team.owner.records()[record_id]["version"]
    tombstone = team.owner.op("attachment", record_id, {"deleted": True}, base_version=version, op="delete")
    assert team.owner.push_one(tombstone)["status"] == "applied"
    assert team.owner.client.get(f"{BLOBS}/{digest}").status_code == 403


def test_limits_and_malformed_requests_get_a_clear_4xx(env: Env, team: Team) -> None:
    content = _content(CHUNK_MAX + 1, seed=5)
    _, digest = _attach(team, content)
    owner = team.owner
    huge = _put(owner, digest, b"x", 0, MAX_BLOB + 1)
    assert huge.status_code == 413 and huge.json()["detail"]["code"] == "too_large"
    assert "50 MB" in huge.json()["detail"]["message_en"]
    chunk = _put(owner, digest, content, 0, len(content))  # one byte over the chunk limit
    assert chunk.status_code == 413 and chunk.json()["detail"]["code"] == "too_large"
    assert _put(owner, digest, b"", 0, len(content)).status_code == 422
    assert _put(owner, digest, content[:10], 5, len(content)).status_code == 409
    for bad in (digest.upper(), digest[:-1], "x" * 64):
        response = owner.client.get(f"{BLOBS}/{bad}/status")
        assert response.status_code == 422 and response.json()["detail"]["code"] == "invalid"
    assert _put(owner, digest, b"abc", -1, 3).status_code == 422
    assert _blob_rows(env, digest) == (0, 0)
    malformed = owner.push_one(
        owner.op(
            "attachment",
            uuid.uuid4(),
            {"case_id": team.case_id, "filename": "a", "media_type": "a/b", "sha256": "ABC", "size": 1},
            op="insert",
        )
    )
    assert (malformed["status"], malformed["code"]) == ("rejected", "invalid")


def test_two_laptops_uploading_the_same_content_at_once_take_turns(env: Env, team: Team) -> None:
    content = _content(3 * CHUNK_MAX + 10, seed=6)
    record_id, digest = _attach(team, content)
    laptops = [team.owner, env.login(team.owner.username)]
    statuses: list[list[int]] = [[], []]

    def upload(index: int) -> None:
        api = laptops[index]
        for _ in range(20):
            state = api.client.get(f"{BLOBS}/{digest}/status").json()
            if state["complete"]:
                return
            offset = state["received"] if state["size"] == len(content) else 0
            response = _put(api, digest, content[offset : offset + CHUNK_MAX], offset, len(content))
            statuses[index].append(response.status_code)
        raise AssertionError("the upload did not finish")

    threads = [threading.Thread(target=upload, args=(index,)) for index in (0, 1)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert set(statuses[0] + statuses[1]) <= {200, 409}
    assert team.owner.client.get(f"{BLOBS}/{digest}").content == content
    assert _blob_rows(env, digest) == (1, 4)
    writes = env.sql("SELECT count(*) FROM audit_log WHERE action = 'write' AND detail LIKE :d", d=f"blob {digest}%")
    assert writes[0][0] == 1 and record_id
