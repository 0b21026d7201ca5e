"""What the case workspace's 基本資料, 晤談紀錄 and 需求評估 tabs save, as plain values checked before anything changes:
profile_edits (the client and certificates), record_edits (interview records and contact attempts) and
assessment_edits (needs assessments), re-exported here with the labels of the enums those forms show.

Each form hands over a frozen dataclass of what is on screen; its `*_problems` function checks those values without
a session, and the saving functions check them again inside the job and raise ProblemsError, having changed
nothing. Finalised records are immutable: a mistake in one is fixed by a correction, a new draft pointing at it.
"""

from app.services.assessment_edits import (
    ASSESSMENT_METHODS,
    AssessmentValues,
    assessment_problems,
    finalise_assessment,
    save_assessment_draft,
)
from app.services.case_edits_common import enum_label
from app.services.profile_edits import (
    OLDEST_AGE_YEARS,
    CertificateValues,
    ClientValues,
    certificate_problems,
    client_problems,
    save_certificate,
    save_profile,
    update_client,
)
from app.services.record_edits import (
    LONGEST_RECORD_MINUTES,
    ContactAttemptValues,
    RecordValues,
    add_contact_attempt,
    add_correction,
    discard_draft_record,
    finalise_record,
    mark_registered,
    record_problems,
    save_draft_record,
)

__all__ = [
    "ASSESSMENT_METHODS",
    "LONGEST_RECORD_MINUTES",
    "OLDEST_AGE_YEARS",
    "AssessmentValues",
    "CertificateValues",
    "ClientValues",
    "ContactAttemptValues",
    "RecordValues",
    "add_contact_attempt",
    "add_correction",
    "assessment_problems",
    "certificate_problems",
    "client_problems",
    "discard_draft_record",
    "enum_label",
    "finalise_assessment",
    "finalise_record",
    "mark_registered",
    "record_problems",
    "save_assessment_draft",
    "save_certificate",
    "save_draft_record",
    "save_profile",
    "update_client",
]
