"""Initial schema of the local store (frozen: storage types only, no imports from app.models).

Revision ID: 0001
Revises:
Create Date: 2026-11-22 08:16:39.443612
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:

    op.create_table(
        "attachment_blob",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint("sha256", name=op.f("pk_attachment_blob")),
    )
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("actor", sa.String(length=64), nullable=False),
        sa.Column("action", sa.String(length=32), nullable=False),
        sa.Column("record_type", sa.String(length=40), nullable=False),
        sa.Column("record_id", sa.Uuid(), nullable=True),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_log")),
    )
    op.create_table(
        "client",
        sa.Column("id_number", sa.String(length=12), nullable=False),
        sa.Column(
            "id_kind",
            sa.Enum("national", "resident_new", "resident_old", name="idkind", native_enum=False, length=32),
            nullable=False,
        ),
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("gender", sa.Enum("M", "F", "X", name="gender", native_enum=False, length=32), nullable=False),
        sa.Column("birth_date", sa.Date(), nullable=False),
        sa.Column("household_county", sa.String(length=16), nullable=True),
        sa.Column("household_township", sa.String(length=32), nullable=True),
        sa.Column("household_address", sa.String(length=200), nullable=True),
        sa.Column("residence_county", sa.String(length=16), nullable=True),
        sa.Column("residence_township", sa.String(length=32), nullable=True),
        sa.Column("residence_address", sa.String(length=200), nullable=True),
        sa.Column("mobile_phone", sa.String(length=24), nullable=True),
        sa.Column("home_phone", sa.String(length=24), nullable=True),
        sa.Column("contact_name", sa.String(length=64), nullable=True),
        sa.Column("contact_relation", sa.String(length=32), nullable=True),
        sa.Column("contact_phone", sa.String(length=24), nullable=True),
        sa.Column("education", sa.String(length=32), nullable=True),
        sa.Column("target_groups", sa.JSON(), nullable=False),
        sa.Column("indigenous_tribe", sa.String(length=32), nullable=True),
        sa.Column("economic_status", sa.String(length=32), nullable=True),
        sa.Column("work_history", sa.Text(), nullable=False),
        sa.Column("health", sa.Text(), nullable=False),
        sa.Column("strengths", sa.Text(), nullable=False),
        sa.Column("data_consent", sa.Boolean(), nullable=False),
        sa.Column("data_consent_on", sa.Date(), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_client")),
    )
    with op.batch_alter_table("client", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_client_id_number"), ["id_number"], unique=False)

    op.create_table(
        "outbox",
        sa.Column("seq", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("op_id", sa.Uuid(), nullable=False),
        sa.Column("device_id", sa.String(length=64), nullable=False),
        sa.Column("record_type", sa.String(length=40), nullable=False),
        sa.Column("record_id", sa.Uuid(), nullable=False),
        sa.Column("op", sa.String(length=8), nullable=False),
        sa.Column("base_version", sa.Integer(), nullable=False),
        sa.Column("fields", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("pushed_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_outbox")),
        sa.UniqueConstraint("op_id", name=op.f("uq_outbox_op_id")),
    )
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_outbox_record_id"), ["record_id"], unique=False)

    op.create_table(
        "service_unit",
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("service_kinds", sa.JSON(), nullable=False),
        sa.Column("county", sa.String(length=16), nullable=False),
        sa.Column("address", sa.String(length=200), nullable=False),
        sa.Column("phone", sa.String(length=24), nullable=False),
        sa.Column("contact_person", sa.String(length=64), nullable=False),
        sa.Column("email", sa.String(length=100), nullable=False),
        sa.Column("capacity", sa.Integer(), nullable=False),
        sa.Column("current_caseload", sa.Integer(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_service_unit")),
    )
    with op.batch_alter_table("service_unit", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_service_unit_county"), ["county"], unique=False)

    op.create_table(
        "store_meta",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_store_meta")),
    )
    op.create_table(
        "case",
        sa.Column("client_id", sa.Uuid(), nullable=False),
        sa.Column(
            "programme",
            sa.Enum(
                "vr",
                "supported_employment",
                "employment_service",
                name="programme",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column(
            "stage",
            sa.Enum("A", "B", "C", "D", "E", "F", "G", name="stage", native_enum=False, length=32),
            nullable=False,
        ),
        sa.Column("source", sa.String(length=32), nullable=False),
        sa.Column("referring_unit", sa.String(length=100), nullable=True),
        sa.Column("application_date", sa.Date(), nullable=False),
        sa.Column("intake_assessed_on", sa.Date(), nullable=True),
        sa.Column("intake_assessment", sa.Text(), nullable=False),
        sa.Column(
            "decision",
            sa.Enum("open", "not_open", name="intakedecision", native_enum=False, length=32),
            nullable=True,
        ),
        sa.Column("decision_reason", sa.Text(), nullable=False),
        sa.Column("reply_due_on", sa.Date(), nullable=True),
        sa.Column("reply_sent_on", sa.Date(), nullable=True),
        sa.Column("opened_on", sa.Date(), nullable=True),
        sa.Column("closed_on", sa.Date(), nullable=True),
        sa.Column("owner", sa.String(length=64), nullable=False),
        sa.Column("unit", sa.String(length=100), nullable=False),
        sa.Column("county", sa.String(length=16), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["client_id"], ["client.id"], name=op.f("fk_case_client_id_client")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case")),
    )
    with op.batch_alter_table("case", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_case_client_id"), ["client_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_case_county"), ["county"], unique=False)
        batch_op.create_index(batch_op.f("ix_case_owner"), ["owner"], unique=False)

    op.create_table(
        "disability_certificate",
        sa.Column("client_id", sa.Uuid(), nullable=False),
        sa.Column(
            "system",
            sa.Enum("new", "old", name="certificatesystem", native_enum=False, length=32),
            nullable=False,
        ),
        sa.Column("categories", sa.JSON(), nullable=False),
        sa.Column("severity", sa.String(length=16), nullable=False),
        sa.Column("icd_codes", sa.JSON(), nullable=False),
        sa.Column("issued_on", sa.Date(), nullable=True),
        sa.Column("expires_on", sa.Date(), nullable=True),
        sa.Column("reassess_on", sa.Date(), nullable=True),
        sa.Column("no_expiry", sa.Boolean(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["client_id"], ["client.id"], name=op.f("fk_disability_certificate_client_id_client")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_disability_certificate")),
    )
    with op.batch_alter_table("disability_certificate", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_disability_certificate_client_id"), ["client_id"], unique=False)

    op.create_table(
        "attachment",
        sa.Column("case_id", sa.Uuid(), nullable=True),
        sa.Column("client_id", sa.Uuid(), nullable=True),
        sa.Column("filename", sa.String(length=200), nullable=False),
        sa.Column("media_type", sa.String(length=100), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["case_id"], ["case.id"], name=op.f("fk_attachment_case_id_case")),
        sa.ForeignKeyConstraint(["client_id"], ["client.id"], name=op.f("fk_attachment_client_id_client")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_attachment")),
    )
    with op.batch_alter_table("attachment", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_attachment_case_id"), ["case_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_attachment_client_id"), ["client_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_attachment_sha256"), ["sha256"], unique=False)

    op.create_table(
        "case_transfer",
        sa.Column("case_id", sa.Uuid(), nullable=False),
        sa.Column("from_owner", sa.String(length=64), nullable=False),
        sa.Column("to_owner", sa.String(length=64), nullable=False),
        sa.Column("transferred_on", sa.Date(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["case_id"], ["case.id"], name=op.f("fk_case_transfer_case_id_case")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_transfer")),
    )
    with op.batch_alter_table("case_transfer", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_case_transfer_case_id"), ["case_id"], unique=False)

    op.create_table(
        "closure",
        sa.Column("case_id", sa.Uuid(), nullable=False),
        sa.Column("closed_on", sa.Date(), nullable=False),
        sa.Column("reason_code", sa.String(length=40), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("satisfaction_client", sa.Integer(), nullable=True),
        sa.Column("satisfaction_employer", sa.Integer(), nullable=True),
        sa.Column("satisfaction_receiving_unit", sa.Integer(), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["case_id"], ["case.id"], name=op.f("fk_closure_case_id_case")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_closure")),
        sa.UniqueConstraint("case_id", name=op.f("uq_closure_case_id")),
    )
    op.create_table(
        "contact_attempt",
        sa.Column("case_id", sa.Uuid(), nullable=False),
        sa.Column("attempted_at", sa.DateTime(), nullable=False),
        sa.Column(
            "channel",
            sa.Enum(
                "in_person",
                "phone",
                "home_visit",
                "workplace_visit",
                name="contactmode",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column(
            "outcome",
            sa.Enum(
                "reached",
                "no_answer",
                "wrong_number",
                "message_left",
                "refused",
                name="contactoutcome",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["case_id"], ["case.id"], name=op.f("fk_contact_attempt_case_id_case")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contact_attempt")),
    )
    with op.batch_alter_table("contact_attempt", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_contact_attempt_case_id"), ["case_id"], unique=False)

    op.create_table(
        "employment",
        sa.Column("case_id", sa.Uuid(), nullable=False),
        sa.Column("employer", sa.String(length=100), nullable=False),
        sa.Column("employer_size", sa.Integer(), nullable=True),
        sa.Column("job_title", sa.String(length=100), nullable=False),
        sa.Column("start_on", sa.Date(), nullable=False),
        sa.Column("hours_per_week", sa.Double(), nullable=False),
        sa.Column("monthly_wage", sa.Numeric(precision=10, scale=0), nullable=True),
        sa.Column("hourly_wage", sa.Numeric(precision=8, scale=1), nullable=True),
        sa.Column("labour_insurance_on", sa.Date(), nullable=True),
        sa.Column(
            "proof",
            sa.Enum(
                "labour_insurance",
                "employment_insurance",
                "employment_certificate",
                "payroll",
                "time_card",
                "sign_in_sheet",
                name="employmentproof",
                native_enum=False,
                length=32,
            ),
            nullable=True,
        ),
        sa.Column("competitive", sa.Boolean(), nullable=False),
        sa.Column("employed_before_service", sa.Boolean(), nullable=False),
        sa.Column("supported", sa.Boolean(), nullable=False),
        sa.Column("intensive_support_days", sa.Integer(), nullable=False),
        sa.Column("group_model", sa.Boolean(), nullable=False),
        sa.Column("remote_area", sa.Boolean(), nullable=False),
        sa.Column("high_support", sa.Boolean(), nullable=False),
        sa.Column("end_on", sa.Date(), nullable=True),
        sa.Column("end_reason", sa.Text(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["case_id"], ["case.id"], name=op.f("fk_employment_case_id_case")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_employment")),
    )
    with op.batch_alter_table("employment", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_employment_case_id"), ["case_id"], unique=False)

    op.create_table(
        "needs_assessment",
        sa.Column("case_id", sa.Uuid(), nullable=False),
        sa.Column("assessed_on", sa.Date(), nullable=False),
        sa.Column("methods", sa.JSON(), nullable=False),
        sa.Column("work_ability", sa.Text(), nullable=False),
        sa.Column("vocational_interest", sa.Text(), nullable=False),
        sa.Column("support_needs", sa.Text(), nullable=False),
        sa.Column("family_support", sa.Text(), nullable=False),
        sa.Column("needs_vocational_evaluation", sa.Boolean(), nullable=False),
        sa.Column("recommended_services", sa.JSON(), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("assessor", sa.String(length=64), nullable=False),
        sa.Column(
            "status",
            sa.Enum("draft", "final", name="recordstatus", native_enum=False, length=32),
            nullable=False,
        ),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["case_id"], ["case.id"], name=op.f("fk_needs_assessment_case_id_case")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_needs_assessment")),
    )
    with op.batch_alter_table("needs_assessment", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_needs_assessment_case_id"), ["case_id"], unique=False)

    op.create_table(
        "referral",
        sa.Column("case_id", sa.Uuid(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum("service", "job", name="referralkind", native_enum=False, length=32),
            nullable=False,
        ),
        sa.Column("service_kind", sa.String(length=40), nullable=True),
        sa.Column("receiving_unit_id", sa.Uuid(), nullable=True),
        sa.Column("employer", sa.String(length=100), nullable=False),
        sa.Column("job_title", sa.String(length=100), nullable=False),
        sa.Column("contacted_before_dispatch", sa.Boolean(), nullable=False),
        sa.Column("contacted_on", sa.Date(), nullable=True),
        sa.Column("sent_on", sa.Date(), nullable=True),
        sa.Column(
            "response",
            sa.Enum("pending", "accepted", "declined", name="referralresponse", native_enum=False, length=32),
            nullable=False,
        ),
        sa.Column("responded_on", sa.Date(), nullable=True),
        sa.Column("decline_reason", sa.Text(), nullable=False),
        sa.Column("follow_up_due_on", sa.Date(), nullable=True),
        sa.Column("follow_up_done_on", sa.Date(), nullable=True),
        sa.Column("follow_up_note", sa.Text(), nullable=False),
        sa.Column("client_consented", sa.Boolean(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["case_id"], ["case.id"], name=op.f("fk_referral_case_id_case")),
        sa.ForeignKeyConstraint(
            ["receiving_unit_id"],
            ["service_unit.id"],
            name=op.f("fk_referral_receiving_unit_id_service_unit"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_referral")),
    )
    with op.batch_alter_table("referral", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_referral_case_id"), ["case_id"], unique=False)

    op.create_table(
        "service_plan",
        sa.Column("case_id", sa.Uuid(), nullable=False),
        sa.Column("version_no", sa.Integer(), nullable=False),
        sa.Column("previous_id", sa.Uuid(), nullable=True),
        sa.Column(
            "status",
            sa.Enum(
                "draft",
                "submitted",
                "approved",
                "returned",
                "superseded",
                name="planstatus",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("start_on", sa.Date(), nullable=False),
        sa.Column("end_on", sa.Date(), nullable=False),
        sa.Column("vocational_goal", sa.Text(), nullable=False),
        sa.Column("consent_given", sa.Boolean(), nullable=False),
        sa.Column("consent_on", sa.Date(), nullable=True),
        sa.Column("consent_by", sa.String(length=32), nullable=False),
        sa.Column("revision_reason", sa.Text(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["case_id"], ["case.id"], name=op.f("fk_service_plan_case_id_case")),
        sa.ForeignKeyConstraint(
            ["previous_id"], ["service_plan.id"], name=op.f("fk_service_plan_previous_id_service_plan")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_service_plan")),
    )
    with op.batch_alter_table("service_plan", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_service_plan_case_id"), ["case_id"], unique=False)

    op.create_table(
        "service_record",
        sa.Column("case_id", sa.Uuid(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum("interview", "service", "follow_up", name="recordkind", native_enum=False, length=32),
            nullable=False,
        ),
        sa.Column(
            "mode",
            sa.Enum(
                "in_person",
                "phone",
                "home_visit",
                "workplace_visit",
                name="contactmode",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("held_on", sa.Date(), nullable=False),
        sa.Column("place", sa.String(length=200), nullable=False),
        sa.Column("duration_minutes", sa.Integer(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column(
            "status",
            sa.Enum("draft", "final", name="recordstatus", native_enum=False, length=32),
            nullable=False,
        ),
        sa.Column("finalised_at", sa.DateTime(), nullable=True),
        sa.Column("corrects_id", sa.Uuid(), nullable=True),
        sa.Column("registered_on", sa.Date(), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["case_id"], ["case.id"], name=op.f("fk_service_record_case_id_case")),
        sa.ForeignKeyConstraint(
            ["corrects_id"], ["service_record.id"], name=op.f("fk_service_record_corrects_id_service_record")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_service_record")),
    )
    with op.batch_alter_table("service_record", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_service_record_case_id"), ["case_id"], unique=False)

    op.create_table(
        "supervision_note",
        sa.Column("case_id", sa.Uuid(), nullable=True),
        sa.Column(
            "kind",
            sa.Enum(
                "individual",
                "group",
                "peer",
                "consultation",
                name="supervisionkind",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("held_on", sa.Date(), nullable=False),
        sa.Column("supervisor", sa.String(length=64), nullable=False),
        sa.Column("attendees", sa.JSON(), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("agreed_actions", sa.Text(), nullable=False),
        sa.Column(
            "status",
            sa.Enum("draft", "final", name="recordstatus", native_enum=False, length=32),
            nullable=False,
        ),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["case_id"], ["case.id"], name=op.f("fk_supervision_note_case_id_case")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_supervision_note")),
    )
    with op.batch_alter_table("supervision_note", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_supervision_note_case_id"), ["case_id"], unique=False)

    op.create_table(
        "plan_goal",
        sa.Column("plan_id", sa.Uuid(), nullable=False),
        sa.Column(
            "part",
            sa.Enum(
                "pre_employment",
                "matching_support",
                "post_employment",
                name="planpart",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("target_on", sa.Date(), nullable=True),
        sa.Column("achieved", sa.Boolean(), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["plan_id"], ["service_plan.id"], name=op.f("fk_plan_goal_plan_id_service_plan")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_plan_goal")),
    )
    with op.batch_alter_table("plan_goal", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_plan_goal_plan_id"), ["plan_id"], unique=False)

    op.create_table(
        "plan_item",
        sa.Column("plan_id", sa.Uuid(), nullable=False),
        sa.Column(
            "part",
            sa.Enum(
                "pre_employment",
                "matching_support",
                "post_employment",
                name="planpart",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("service_kind", sa.String(length=40), nullable=False),
        sa.Column("service_unit_id", sa.Uuid(), nullable=True),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("start_on", sa.Date(), nullable=True),
        sa.Column("end_on", sa.Date(), nullable=True),
        sa.Column("hours", sa.Double(), nullable=True),
        sa.Column(
            "status",
            sa.Enum("planned", "in_progress", "done", "cancelled", name="itemstatus", native_enum=False, length=32),
            nullable=False,
        ),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["plan_id"], ["service_plan.id"], name=op.f("fk_plan_item_plan_id_service_plan")),
        sa.ForeignKeyConstraint(
            ["service_unit_id"], ["service_unit.id"], name=op.f("fk_plan_item_service_unit_id_service_unit")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_plan_item")),
    )
    with op.batch_alter_table("plan_item", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_plan_item_plan_id"), ["plan_id"], unique=False)


def downgrade() -> None:

    with op.batch_alter_table("plan_item", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_plan_item_plan_id"))

    op.drop_table("plan_item")
    with op.batch_alter_table("plan_goal", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_plan_goal_plan_id"))

    op.drop_table("plan_goal")
    with op.batch_alter_table("supervision_note", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_supervision_note_case_id"))

    op.drop_table("supervision_note")
    with op.batch_alter_table("service_record", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_service_record_case_id"))

    op.drop_table("service_record")
    with op.batch_alter_table("service_plan", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_service_plan_case_id"))

    op.drop_table("service_plan")
    with op.batch_alter_table("referral", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_referral_case_id"))

    op.drop_table("referral")
    with op.batch_alter_table("needs_assessment", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_needs_assessment_case_id"))

    op.drop_table("needs_assessment")
    with op.batch_alter_table("employment", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_employment_case_id"))

    op.drop_table("employment")
    with op.batch_alter_table("contact_attempt", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_contact_attempt_case_id"))

    op.drop_table("contact_attempt")
    op.drop_table("closure")
    with op.batch_alter_table("case_transfer", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_case_transfer_case_id"))

    op.drop_table("case_transfer")
    with op.batch_alter_table("attachment", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_attachment_sha256"))
        batch_op.drop_index(batch_op.f("ix_attachment_client_id"))
        batch_op.drop_index(batch_op.f("ix_attachment_case_id"))

    op.drop_table("attachment")
    with op.batch_alter_table("disability_certificate", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_disability_certificate_client_id"))

    op.drop_table("disability_certificate")
    with op.batch_alter_table("case", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_case_owner"))
        batch_op.drop_index(batch_op.f("ix_case_county"))
        batch_op.drop_index(batch_op.f("ix_case_client_id"))

    op.drop_table("case")
    op.drop_table("store_meta")
    with op.batch_alter_table("service_unit", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_service_unit_county"))

    op.drop_table("service_unit")
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_outbox_record_id"))

    op.drop_table("outbox")
    with op.batch_alter_table("client", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_client_id_number"))

    op.drop_table("client")
    op.drop_table("audit_log")
    op.drop_table("attachment_blob")
