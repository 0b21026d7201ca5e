"""The demo's clients: who they are (name, ID number, age, address, phones, 特定對象), their contact person and their
disability certificate, consistent with each other and with the case's profile."""

from __future__ import annotations

from datetime import date, timedelta

from app.models import Client, DisabilityCertificate
from app.models.enums import CertificateSystem, Gender, IdKind, Programme
from app.services import codes
from app.services import demo_vocabulary as vocab
from app.services.demo_world import Profile, World, known
from app.services.validation import make_national_id, make_resident_id

YOUNG_EDUCATION = ("junior_high", "junior_high_special", "senior_high", "senior_high_special")  # still at school age


class People:
    def __init__(self, world: World) -> None:
        self.world = world
        self.rng = world.rng
        self.used_ids: set[str] = set()
        self.all_letters = "".join(vocab.ID_LETTERS.get(c, "") for c in world.counties)
        # The vocabulary reduced once to the codes the lists hold now; looking codes up per client would also resolve
        # the resources path every time.
        self.education = known(codes.EDUCATION_LEVELS, vocab.EDUCATION_WEIGHTS)
        self.economy = known(codes.ECONOMIC_STATUS, vocab.ECONOMY_WEIGHTS)
        self.young_education = {k: w for k, w in self.education.items() if k in YOUNG_EDUCATION} or self.education
        self.target_groups = {e.code for e in codes.entries(codes.TARGET_GROUPS)}
        self.tribes = {e.code for e in codes.entries(codes.INDIGENOUS_TRIBES)}

    def client(self, p: Profile, app: date, source: str) -> tuple[Client, str | None]:
        """The client and the severity of their disability certificate (None without one)."""
        rng, world = self.rng, self.world
        es = p.programme == Programme.EMPLOYMENT_SERVICE
        male = rng.random() < (0.15 if p.new_resident else 0.5 if es else 0.58)
        # 轉銜 from school comes in the last school year; others are of any working age.
        age = rng.randint(17, 19) if source == "education" else int(rng.triangular(18, 64, 45 if es else 35))
        birth = app - timedelta(days=age * 365 + rng.randrange(365))
        while _age(birth, world.today) > 64:  # working age today too, not only when applying
            birth += timedelta(days=365)
        # 戶籍 differs from where people live now and then; 新住民 with a 居留證 have no 戶籍 at all.
        household: str | None = p.county
        h_township: str | None = p.township
        if p.new_resident:
            household = h_township = None
        elif rng.random() < 0.15:
            household = rng.choice(list(world.counties))
            h_township = rng.choice(world.counties[household].townships or ("",))
        name = (
            vocab.new_resident_name(rng, male)
            if p.new_resident
            else vocab.person_name(rng, p.name_style, male, birth.year)
        )
        id_number, id_kind = self._id_number(household or p.county, male, p.new_resident)
        client = Client(
            id_number=id_number,
            id_kind=id_kind,
            name=name,
            gender=Gender.MALE if male else Gender.FEMALE,
            birth_date=birth,
            household_county=household,
            household_township=h_township or None,
            household_address=vocab.address(rng, h_township) if h_township is not None else None,
            residence_county=p.county,
            residence_township=p.township or None,
            residence_address=vocab.address(rng, p.township),
            mobile_phone=vocab.mobile(rng) if rng.random() < 0.95 else None,
            home_phone=vocab.landline(rng, p.county) if rng.random() < 0.35 else None,
            education=world.pick(self.education if age >= 22 else self.young_education),
            indigenous_tribe=self._tribe(p),
            economic_status=world.pick(self.economy),
            work_history=f"曾於{rng.choice(vocab.PAST_JOBS)}工作約{rng.randint(1, 8)}年。" if age > 22 else "",
            data_consent=True,
            data_consent_on=app,
        )
        if client.mobile_phone is None and client.home_phone is None:
            client.home_phone = vocab.landline(rng, p.county)
        if rng.random() < 0.9:
            self._contact(client, p, male)
        client.target_groups = self._target_groups(p, client, _age(birth, app))
        disabled = not es or "disabled" in client.target_groups
        return client, self._certificate(client, app) if disabled else None

    def _contact(self, client: Client, p: Profile, male: bool) -> None:
        """聯絡人: a relative (father and brothers share the surname), a friend or a social worker."""
        rng = self.rng
        # A 新住民's parents and siblings live abroad; the contact is the spouse, a child or someone local.
        relation = rng.choice(vocab.NEW_RESIDENT_RELATIONS if p.new_resident else vocab.CONTACT_RELATIONS)
        if relation in vocab.MALE_RELATIONS or (relation == "配偶" and not male):
            contact_male = True
        elif relation in vocab.FEMALE_RELATIONS or relation == "配偶":
            contact_male = False
        else:
            contact_male = rng.random() < 0.5
        name = vocab.person_name(
            rng, "regular", contact_male, client.birth_date.year + vocab.GENERATION.get(relation, 0)
        )
        if relation in vocab.SAME_SURNAME_RELATIONS and not p.new_resident:
            family = client.name[:2] if p.name_style == "compound" else client.name[0]
            name = family + name[-2:]
        client.contact_name, client.contact_relation, client.contact_phone = name, relation, vocab.mobile(rng)

    def _id_number(self, county: str, male: bool, new_resident: bool) -> tuple[str, IdKind]:
        rng = self.rng
        # The letter is the county of first registration; some people moved since.
        letters = vocab.ID_LETTERS.get(county, "") if rng.random() < 0.85 else ""
        while True:
            letter = rng.choice(letters or self.all_letters)
            if new_resident:
                # 2021 format: 8/9 = male/female; the third digit 0–6 marks a foreign national, 9 a mainland spouse.
                serial = rng.choice("01234569") + f"{rng.randrange(10**6):06d}"
                number, kind = make_resident_id(letter, "8" if male else "9", serial), IdKind.RESIDENT_NEW
            else:
                # Third digits 6–9 mark naturalised and other late registrations; these clients were born here.
                number, kind = make_national_id(letter, 1 if male else 2, rng.randrange(6 * 10**6)), IdKind.NATIONAL
            if number not in self.used_ids:
                self.used_ids.add(number)
                return number, kind

    def _tribe(self, p: Profile) -> str | None:
        if p.township == "蘭嶼鄉":
            return "tao" if "tao" in self.tribes else None
        share = 0.3 if p.county in ("HUA", "TTT") else 0.08 if p.county in ("PIF", "NAN", "TAO") else 0.02
        if self.rng.random() >= share:
            return None
        tribe = self.rng.choice(vocab.TRIBES_BY_COUNTY.get(p.county, vocab.OTHER_TRIBES))
        return tribe if tribe in self.tribes else None

    def _target_groups(self, p: Profile, client: Client, age: int) -> list[str]:
        """特定對象 consistent with the client: 中高齡 from 45, 二度就業婦女 only women, 原住民 with a tribe."""
        rng = self.rng
        groups: list[str] = []
        if p.programme != Programme.EMPLOYMENT_SERVICE:
            groups.append("disabled")
        elif p.new_resident:
            groups += ["other_designated", rng.choice(["returning_women", "sole_breadwinner"])]
        else:
            options = ["long_term_unemployed", "involuntary_unemployed", "sole_breadwinner", "disabled"]
            if client.gender == Gender.FEMALE:
                options += ["returning_women", "returning_women", "domestic_violence_victim"]
            else:
                options.append("rehabilitated_offender")
            groups += rng.sample(options, rng.choice((1, 1, 2)))
        if age >= 45:
            groups.append("middle_aged_elderly")
        if client.indigenous_tribe:
            groups.append("indigenous")
        if client.economic_status in ("low_income", "lower_middle_income"):
            groups.append("low_income")
        if client.gender == Gender.MALE and "returning_women" in groups:
            groups.remove("returning_women")
        return [g for g in dict.fromkeys(groups) if g in self.target_groups] or ["other_designated"]

    def _certificate(self, client: Client, app: date) -> str:
        rng, pick = self.rng, self.world.pick
        new = rng.random() < 0.85
        severity = pick(vocab.SEVERITY_WEIGHTS)
        if new:
            categories = [pick(vocab.NEW_SYSTEM_WEIGHTS)]
            second = pick(vocab.NEW_SYSTEM_WEIGHTS)
            if rng.random() < 0.15 and second not in categories:  # 多重障礙: two classes on one certificate
                categories.append(second)
            icd = [rng.choice(vocab.ICD_BY_CATEGORY[categories[0]])] if rng.random() < 0.6 else []
        else:
            categories, icd = [pick(vocab.OLD_SYSTEM_WEIGHTS)], []
        # Old 手冊 still in use are mostly those without 註記效期; some new certificates carry no expiry either.
        no_expiry = rng.random() < (0.12 if new else 0.8)
        expires = reassess = None
        if no_expiry:
            issued = app - timedelta(days=rng.randint(400, 6000))
        else:
            soon = rng.random() < 0.12  # expiring within 90 days of today, so that the reminder shows
            expires = self.world.today + timedelta(days=rng.randint(5, 90) if soon else rng.randint(91, 1500))
            issued = min(expires - timedelta(days=365 * rng.randint(2, 5)), app - timedelta(days=rng.randint(30, 400)))
            reassess = expires - timedelta(days=90)  # 身權法 §14: apply for re-assessment in the last 90 days
        client.certificates.append(
            DisabilityCertificate(
                client_id=client.id,
                system=CertificateSystem.NEW if new else CertificateSystem.OLD,
                categories=categories,
                severity=severity,
                icd_codes=icd,
                issued_on=issued,
                expires_on=expires,
                reassess_on=reassess,
                no_expiry=no_expiry,
            )
        )
        return severity


def _age(birth: date, on: date) -> int:
    return on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day))
