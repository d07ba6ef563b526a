"""The applicant (chủ hồ sơ) and the optional submitter (người nộp thay), with inline checks.

The citizen ID is checked as it is typed (core.citizen_id): an error in red, a mismatch with the
entered birth year or gender in amber, and what the number says in green. A returning citizen is
looked up by ID on the worker and fills only the fields the clerk has left empty.
"""

from __future__ import annotations

import re
from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QGridLayout, QGroupBox, QLabel, QLineEdit, QWidget

from counter_app.core.citizen_id import validate_citizen_id
from counter_app.core.people import Gender
from counter_app.messages import ui as msg
from counter_app.messages import validation as vmsg
from counter_app.services.intake import ApplicantInput, SubmitterInput
from counter_app.ui import style

_DATE_RE = re.compile(r"\s*(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4})\s*")
_COMPACT_DATE_RE = re.compile(r"\s*(\d{2})(\d{2})(\d{4})\s*")


def parse_birth_date(text: str) -> date | None:
    """'05/09/1990', '5-9-1990', '05091990' → a date; raises ValueError on anything else but blank."""
    if not text.strip():
        return None
    match = _DATE_RE.fullmatch(text) or _COMPACT_DATE_RE.fullmatch(text)
    if match is None:
        raise ValueError(text)
    day, month, year = (int(g) for g in match.groups())
    value = date(year, month, day)
    if not 1900 <= year <= date.today().year:
        raise ValueError(text)
    return value


def _label(text: str) -> QLabel:
    return QLabel(text)


class ApplicantForm(QGroupBox):
    id_ready = Signal(str)  # a complete, valid ID number: look up a returning citizen

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(msg.APPLICANT_GROUP, parent)
        self.full_name = QLineEdit(self)
        self.full_name.setObjectName("applicantName")
        self.id_number = QLineEdit(self)
        self.id_number.setObjectName("applicantId")
        self.id_number.setPlaceholderText(msg.PLACEHOLDER_ID)
        self.id_number.setMaxLength(20)
        self.birth_date = QLineEdit(self)
        self.birth_date.setObjectName("applicantBirthDate")
        self.birth_date.setPlaceholderText(msg.PLACEHOLDER_DATE)
        self.gender = QComboBox(self)
        for key, label in msg.GENDERS.items():
            self.gender.addItem(label, key)
        self.phone = QLineEdit(self)
        self.phone.setObjectName("applicantPhone")
        self.email = QLineEdit(self)
        self.address = QLineEdit(self)
        self.address.setObjectName("applicantAddress")
        self.id_status = QLabel(self)
        self.id_status.setObjectName("idStatus")
        self.id_status.setWordWrap(True)
        self.info = QLabel(self)
        self.info.setWordWrap(True)
        self.info.setStyleSheet(style.label_style(style.OK_COLOUR))
        self.info.hide()

        grid = QGridLayout(self)
        grid.setVerticalSpacing(4)
        grid.addWidget(_label(msg.FIELD_FULL_NAME), 0, 0)
        grid.addWidget(self.full_name, 0, 1, 1, 5)
        grid.addWidget(_label(msg.FIELD_ID_NUMBER), 1, 0)
        grid.addWidget(self.id_number, 1, 1)
        grid.addWidget(_label(msg.FIELD_BIRTH_DATE), 1, 2)
        grid.addWidget(self.birth_date, 1, 3)
        grid.addWidget(_label(msg.FIELD_GENDER), 1, 4)
        grid.addWidget(self.gender, 1, 5)
        grid.addWidget(self.id_status, 2, 1, 1, 5)
        grid.addWidget(_label(msg.FIELD_PHONE), 3, 0)
        grid.addWidget(self.phone, 3, 1)
        grid.addWidget(_label(msg.FIELD_EMAIL), 3, 2)
        grid.addWidget(self.email, 3, 3, 1, 3)
        grid.addWidget(_label(msg.FIELD_ADDRESS), 4, 0)
        grid.addWidget(self.address, 4, 1, 1, 5)
        grid.addWidget(self.info, 5, 0, 1, 6)
        grid.setColumnStretch(1, 3)
        grid.setColumnStretch(3, 2)
        grid.setColumnStretch(5, 1)

        self.id_number.textChanged.connect(lambda _t: self.check_id())
        self.birth_date.textChanged.connect(lambda _t: self.check_id())
        self.gender.currentIndexChanged.connect(lambda _i: self.check_id())
        self._last_looked_up = ""

    def gender_value(self) -> str:
        return str(self.gender.currentData() or "")

    def birth_date_value(self) -> date | None:
        try:
            return parse_birth_date(self.birth_date.text())
        except ValueError:
            return None

    def check_id(self) -> None:
        """Re-check the ID against the birth date and gender typed so far; say what is wrong at once."""
        problems: list[str] = []
        birth: date | None = None
        try:
            birth = parse_birth_date(self.birth_date.text())
        except ValueError:
            problems.append(msg.BIRTH_DATE_INVALID)
        text = self.id_number.text()
        if not text.strip():
            self._say(" ".join(problems), style.ERROR_COLOUR)
            return
        gender = Gender(self.gender_value()) if self.gender_value() else None
        check = validate_citizen_id(text, birth_date=birth, gender=gender)
        digits = check.normalized
        if check.errors:
            # A number still being typed is not an error yet: only say so once it is too long or not digits.
            typing = digits.isdigit() and len(digits) < 12
            self._say(
                " ".join(problems) if typing else " ".join([*check.errors, *problems]), style.ERROR_COLOUR
            )
            return
        if check.warnings or problems:
            self._say(" ".join([*check.warnings, *problems]), style.WARNING_COLOUR)
        elif check.birth_year is not None and check.province_name and check.gender is not None:
            self._say(
                msg.ID_DETAILS.format(
                    label=check.label,
                    province=check.province_name,
                    year=check.birth_year,
                    gender=vmsg.GENDER_LABELS[check.gender],
                ),
                style.OK_COLOUR,
            )
        else:
            self._say(msg.ID_OK.format(label=check.label), style.OK_COLOUR)
        if digits != self._last_looked_up:
            self._last_looked_up = digits
            self.id_ready.emit(digits)

    def _say(self, text: str, colour: str) -> None:
        self.id_status.setText(text)
        self.id_status.setStyleSheet(style.label_style(colour))

    def fill_returning(self, known: ApplicantInput) -> bool:
        """Fill what is still empty from the citizen's previous dossier; True if anything was filled."""
        filled = False
        for edit, value in (
            (self.full_name, known.full_name),
            (self.phone, known.phone),
            (self.email, known.email),
            (self.address, known.address),
        ):
            if value and not edit.text().strip():
                edit.setText(value)
                filled = True
        if known.birth_date and not self.birth_date.text().strip():
            self.birth_date.setText(known.birth_date.strftime("%d/%m/%Y"))
            filled = True
        if known.gender and not self.gender_value():
            self.gender.setCurrentIndex(max(0, self.gender.findData(known.gender)))
            filled = True
        if filled:
            self.info.setText(msg.RETURNING_FILLED)
            self.info.show()
        return filled

    def value(self) -> ApplicantInput:
        return ApplicantInput(
            full_name=self.full_name.text(),
            id_number=self.id_number.text(),
            birth_date=self.birth_date_value(),
            gender=self.gender_value(),
            phone=self.phone.text(),
            email=self.email.text(),
            address=self.address.text(),
        )

    def clear(self) -> None:
        for edit in (self.full_name, self.id_number, self.birth_date, self.phone, self.email, self.address):
            edit.clear()
        self.gender.setCurrentIndex(0)
        self.id_status.clear()
        self.info.hide()
        self._last_looked_up = ""


class SubmitterBox(QGroupBox):
    """Checkable: unchecked means the applicant submits in person (the usual case)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(msg.SUBMITTER_GROUP, parent)
        self.setCheckable(True)
        self.setChecked(False)
        self.full_name = QLineEdit(self)
        self.full_name.setObjectName("submitterName")
        self.id_number = QLineEdit(self)
        self.phone = QLineEdit(self)
        grid = QGridLayout(self)
        grid.addWidget(_label(msg.FIELD_FULL_NAME), 0, 0)
        grid.addWidget(self.full_name, 0, 1)
        grid.addWidget(_label(msg.FIELD_ID_NUMBER), 0, 2)
        grid.addWidget(self.id_number, 0, 3)
        grid.addWidget(_label(msg.FIELD_PHONE), 0, 4)
        grid.addWidget(self.phone, 0, 5)
        grid.setColumnStretch(1, 3)
        grid.setColumnStretch(3, 2)
        grid.setColumnStretch(5, 2)
        self.toggled.connect(self._toggled)
        self._toggled(False)

    def _toggled(self, on: bool) -> None:
        for edit in (self.full_name, self.id_number, self.phone):
            edit.setVisible(on)
        for label in self.findChildren(QLabel):
            label.setVisible(on)

    def value(self) -> SubmitterInput | None:
        if not self.isChecked() or not self.full_name.text().strip():
            return None
        return SubmitterInput(self.full_name.text(), self.id_number.text(), self.phone.text())

    def clear(self) -> None:
        for edit in (self.full_name, self.id_number, self.phone):
            edit.clear()
        self.setChecked(False)
