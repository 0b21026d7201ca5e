"""The local store's ORM, one module per aggregate. Importing this package registers every table."""

from app.models.assessment import NeedsAssessment
from app.models.base import Base, SyncMixin
from app.models.case import Case, CaseTransfer
from app.models.client import Client, DisabilityCertificate
from app.models.closure import Closure
from app.models.directory import ServiceUnit
from app.models.employment import Employment
from app.models.local import AuditEntry, OutboxOp, StoreMeta
from app.models.plan import PlanGoal, PlanItem, ServicePlan
from app.models.record import ContactAttempt, ServiceRecord
from app.models.referral import Referral
from app.models.review import Review
from app.models.supervision import Attachment, AttachmentBlob, SupervisionNote
from app.models.sync import ReadOnlyRecord, RejectedEdit, SyncConflict, SyncInboxItem

__all__ = [
    "Attachment",
    "AttachmentBlob",
    "AuditEntry",
    "Base",
    "Case",
    "CaseTransfer",
    "Client",
    "Closure",
    "ContactAttempt",
    "DisabilityCertificate",
    "Employment",
    "NeedsAssessment",
    "OutboxOp",
    "PlanGoal",
    "PlanItem",
    "ReadOnlyRecord",
    "Referral",
    "RejectedEdit",
    "Review",
    "ServicePlan",
    "ServiceRecord",
    "ServiceUnit",
    "StoreMeta",
    "SupervisionNote",
    "SyncConflict",
    "SyncInboxItem",
    "SyncMixin",
]
