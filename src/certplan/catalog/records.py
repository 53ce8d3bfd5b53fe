"""Runtime records of the catalog: GENERATED from catalog/models.py; do not edit by hand.

Regenerate with ``python -m certplan.catalog.records_gen`` after changing a model
(tests/test_records.py checks that this file is in step).  See catalog/records_base.py.
"""

# ruff: noqa
from certplan.catalog.records_base import Record, build, from_json, register_models  # noqa: F401
from certplan.catalog.vocab import (  # noqa: F401
    EDUCATION_LEVELS,
    EXPERIENCE_KINDS,
    FOCUS,
    LEVELS,
    PROGRAM_LEVELS,
    SETTINGS,
    STATUSES,
)

from certplan.catalog.records_base import REQUIRED  # noqa: E402


class Strict(Record):
    model_fields = {}
    _shape = {}


class Source(Strict):
    model_fields = {'id': REQUIRED, 'url': REQUIRED, 'kind': REQUIRED, 'tier': REQUIRED, 'date': REQUIRED, 'date_kind': 'checked', 'title': None}
    _shape = {}


class Dated(Strict):
    model_fields = {'effective_from': None, 'effective_until': None}
    _shape = {}


class Sourced(Strict):
    model_fields = {'source': REQUIRED, 'note': None, 'conflicts': []}
    _shape = {'conflicts': ['list', 'Conflict']}


class Conflict(Strict):
    model_fields = {'value': None, 'source': REQUIRED, 'note': REQUIRED}
    _shape = {}


class Fact(Sourced):
    model_fields = {'source': REQUIRED, 'note': None, 'conflicts': [], 'value': REQUIRED, 'estimate': False}
    _shape = {'conflicts': ['list', 'Conflict']}


class Money(Sourced, Dated):
    model_fields = {'effective_from': None, 'effective_until': None, 'source': REQUIRED, 'note': None, 'conflicts': [], 'amount': REQUIRED, 'currency': 'USD', 'member': None, 'student': False, 'what': None, 'attempts': None, 'per': None, 'event': None}
    _shape = {'conflicts': ['list', 'Conflict']}


class Note(Sourced):
    model_fields = {'source': REQUIRED, 'note': None, 'conflicts': [], 'text': REQUIRED, 'signal': None}
    _shape = {'conflicts': ['list', 'Conflict']}


class EducationReq(Strict):
    model_fields = {'kind': REQUIRED, 'level': REQUIRED}
    _shape = {}


class ProgramReq(Strict):
    model_fields = {'kind': REQUIRED, 'levels': REQUIRED, 'accreditor': 'CAHIIM', 'final_term_ok': False}
    _shape = {}


class ExperienceReq(Strict):
    model_fields = {'kind': REQUIRED, 'years': REQUIRED, 'of': REQUIRED}
    _shape = {}


class CredentialReq(Strict):
    model_fields = {'kind': REQUIRED, 'any_of': REQUIRED}
    _shape = {}


class MembershipReq(Strict):
    model_fields = {'kind': REQUIRED, 'body': REQUIRED}
    _shape = {}


class CourseReq(Strict):
    model_fields = {'kind': REQUIRED, 'hours': REQUIRED, 'topic': 'medical coding'}
    _shape = {}


class PracticodeReq(Strict):
    model_fields = {'kind': REQUIRED}
    _shape = {}


class ClinicalHoursReq(Strict):
    model_fields = {'kind': REQUIRED, 'hours': REQUIRED}
    _shape = {}


class TrainingProgramReq(Strict):
    model_fields = {'kind': REQUIRED, 'topic': REQUIRED, 'hours': None, 'within_years': None}
    _shape = {}


class OtherReq(Strict):
    model_fields = {'kind': REQUIRED, 'text': REQUIRED, 'check': 'blocking'}
    _shape = {}


class Pathway(Sourced, Dated):
    model_fields = {'effective_from': None, 'effective_until': None, 'source': REQUIRED, 'note': None, 'conflicts': [], 'id': REQUIRED, 'label': REQUIRED, 'requirements': REQUIRED}
    _shape = {'conflicts': ['list', 'Conflict'], 'requirements': ['list', ['kind', {'education': 'EducationReq', 'accredited-program': 'ProgramReq', 'experience': 'ExperienceReq', 'credential': 'CredentialReq', 'membership': 'MembershipReq', 'course': 'CourseReq', 'practicode': 'PracticodeReq', 'clinical-hours': 'ClinicalHoursReq', 'training-program': 'TrainingProgramReq', 'other': 'OtherReq'}]]}


class Eligibility(Strict):
    model_fields = {'pathways': REQUIRED, 'recommended': []}
    _shape = {'pathways': ['list', 'Pathway'], 'recommended': ['list', 'Note']}


class Evidence(Sourced):
    model_fields = {'source': REQUIRED, 'note': None, 'conflicts': [], 'kind': REQUIRED, 'text': REQUIRED}
    _shape = {'conflicts': ['list', 'Conflict']}


class Apprentice(Sourced):
    model_fields = {'source': REQUIRED, 'note': None, 'conflicts': [], 'designation': REQUIRED, 'rule': REQUIRED, 'removal': REQUIRED, 'evidence': []}
    _shape = {'conflicts': ['list', 'Conflict'], 'removal': ['list', 'Pathway'], 'evidence': ['list', 'Evidence']}


class Domain(Strict):
    model_fields = {'name': REQUIRED, 'weight_percent': None, 'questions': None, 'source': REQUIRED, 'note': None}
    _shape = {}


class Exam(Strict):
    model_fields = {'questions': REQUIRED, 'duration_minutes': REQUIRED, 'passing_score': REQUIRED, 'open_book': REQUIRED, 'references': REQUIRED, 'delivery': REQUIRED, 'fees': REQUIRED, 'retake': REQUIRED, 'domains': [], 'study_hours': None}
    _shape = {'questions': 'Fact', 'duration_minutes': 'Fact', 'passing_score': 'Fact', 'open_book': 'Fact', 'references': 'Fact', 'delivery': 'Fact', 'fees': ['list', 'Money'], 'retake': 'Fact', 'domains': ['list', 'Domain'], 'study_hours': 'Fact'}


class TopicRule(Sourced):
    model_fields = {'source': REQUIRED, 'note': None, 'conflicts': [], 'text': REQUIRED, 'ceus': None}
    _shape = {'conflicts': ['list', 'Conflict']}


class Maintenance(Strict):
    model_fields = {'ceus': REQUIRED, 'cycle_years': REQUIRED, 'topic_rules': [], 'fees': [], 'membership_required': None}
    _shape = {'ceus': 'Fact', 'cycle_years': 'Fact', 'topic_rules': ['list', 'TopicRule'], 'fees': ['list', 'Money'], 'membership_required': 'Fact'}


class PayFigure(Sourced):
    model_fields = {'source': REQUIRED, 'note': None, 'conflicts': [], 'amount': REQUIRED, 'currency': 'USD', 'unit': 'year', 'statistic': REQUIRED, 'period': REQUIRED, 'year': REQUIRED, 'population': REQUIRED}
    _shape = {'conflicts': ['list', 'Conflict']}


class Retirement(Sourced):
    model_fields = {'source': REQUIRED, 'note': None, 'conflicts': [], 'date': None, 'successor': None}
    _shape = {'conflicts': ['list', 'Conflict']}


class Credential(Strict):
    model_fields = {'code': REQUIRED, 'name': REQUIRED, 'body': REQUIRED, 'status': REQUIRED, 'level': None, 'aliases': [], 'settings': [], 'focus': [], 'description': REQUIRED, 'exam': None, 'eligibility': None, 'apprentice': None, 'maintenance': None, 'salary': [], 'occupations': [], 'next': [], 'replaces': [], 'replaced_by': None, 'retired': None, 'see_also': [], 'recognition': [], 'notes': []}
    _shape = {'exam': 'Exam', 'eligibility': 'Eligibility', 'apprentice': 'Apprentice', 'maintenance': 'Maintenance', 'salary': ['list', 'PayFigure'], 'retired': 'Retirement', 'recognition': ['list', 'Note'], 'notes': ['list', 'Note']}


class CeuSchedule(Sourced, Dated):
    model_fields = {'effective_from': None, 'effective_until': None, 'source': REQUIRED, 'note': None, 'conflicts': [], 'by_count': None, 'increment': None, 'cap': None}
    _shape = {'conflicts': ['list', 'Conflict']}


class CycleRule(Sourced, Dated):
    model_fields = {'effective_from': None, 'effective_until': None, 'source': REQUIRED, 'note': None, 'conflicts': [], 'years': REQUIRED, 'starts': REQUIRED, 'ends': 'day-before-anniversary'}
    _shape = {'conflicts': ['list', 'Conflict']}


class FirstCycle(Sourced, Dated):
    model_fields = {'effective_from': None, 'effective_until': None, 'source': REQUIRED, 'note': None, 'conflicts': [], 'prorated': REQUIRED, 'method': None, 'estimate': False, 'dated_by': 'cycle-end'}
    _shape = {'conflicts': ['list', 'Conflict']}


class CategoryRule(Sourced, Dated):
    model_fields = {'effective_from': None, 'effective_until': None, 'source': REQUIRED, 'note': None, 'conflicts': [], 'category': REQUIRED, 'credentials': [], 'level': None, 'exclude': [], 'per_credential': False, 'ceus': None, 'percent': None, 'counts': 'category', 'providers': [], 'dated_by': 'cycle-end'}
    _shape = {'conflicts': ['list', 'Conflict']}


class GraceRule(Sourced, Dated):
    model_fields = {'effective_from': None, 'effective_until': None, 'source': REQUIRED, 'note': None, 'conflicts': [], 'days': REQUIRED, 'what': REQUIRED, 'used': True, 'dated_by': 'cycle-end'}
    _shape = {'conflicts': ['list', 'Conflict']}


class LapseRule(Sourced, Dated):
    model_fields = {'effective_from': None, 'effective_until': None, 'source': REQUIRED, 'note': None, 'conflicts': [], 'after_days': REQUIRED, 'status': REQUIRED, 'what': REQUIRED, 'dated_by': 'cycle-end'}
    _shape = {'conflicts': ['list', 'Conflict']}


class ReinstateRule(Sourced, Dated):
    model_fields = {'effective_from': None, 'effective_until': None, 'source': REQUIRED, 'note': None, 'conflicts': [], 'counted_from': REQUIRED, 'within_days': None, 'within_years': None, 'how': REQUIRED, 'dated_by': 'cycle-end'}
    _shape = {'conflicts': ['list', 'Conflict']}


class Renewal(Strict):
    model_fields = {'cycle_years': REQUIRED, 'ceus': None, 'fees': [], 'grace_period_days': None, 'lapse': None, 'membership_required': None, 'rules': [], 'ceus_earlier': [], 'cycle': [], 'first_cycle': [], 'categories': [], 'grace': [], 'lapses': [], 'reinstatement': []}
    _shape = {'cycle_years': 'Fact', 'ceus': 'CeuSchedule', 'fees': ['list', 'Money'], 'grace_period_days': 'Fact', 'lapse': 'Fact', 'membership_required': 'Fact', 'rules': ['list', 'Note'], 'ceus_earlier': ['list', 'CeuSchedule'], 'cycle': ['list', 'CycleRule'], 'first_cycle': ['list', 'FirstCycle'], 'categories': ['list', 'CategoryRule'], 'grace': ['list', 'GraceRule'], 'lapses': ['list', 'LapseRule'], 'reinstatement': ['list', 'ReinstateRule']}


class Body(Strict):
    model_fields = {'code': REQUIRED, 'name': REQUIRED, 'website': REQUIRED, 'membership': [], 'renewal': None, 'exam_delivery': None, 'accreditation': [], 'notes': []}
    _shape = {'name': 'Fact', 'website': 'Fact', 'membership': ['list', 'Money'], 'renewal': 'Renewal', 'exam_delivery': 'Fact', 'accreditation': ['list', 'Note'], 'notes': ['list', 'Note']}


class OccupationFigure(Sourced):
    model_fields = {'source': REQUIRED, 'note': None, 'conflicts': [], 'measure': REQUIRED, 'amount': REQUIRED, 'period': REQUIRED, 'year': REQUIRED}
    _shape = {'conflicts': ['list', 'Conflict']}


class Occupation(Strict):
    model_fields = {'soc': REQUIRED, 'title': REQUIRED, 'onet': None, 'figures': [], 'entry_education': None, 'notes': []}
    _shape = {'onet': 'Fact', 'figures': ['list', 'OccupationFigure'], 'entry_education': 'Fact', 'notes': ['list', 'Note']}


class PayDifference(Sourced):
    model_fields = {'source': REQUIRED, 'note': None, 'conflicts': [], 'id': REQUIRED, 'text': REQUIRED, 'year': REQUIRED, 'period': REQUIRED, 'percent': REQUIRED, 'certified_amount': None, 'not_certified_amount': None, 'approximate': False, 'statistic': REQUIRED, 'population': REQUIRED, 'applies_to': []}
    _shape = {'conflicts': ['list', 'Conflict']}


class GeneralFact(Sourced):
    model_fields = {'source': REQUIRED, 'note': None, 'conflicts': [], 'id': REQUIRED, 'text': REQUIRED, 'value': None}
    _shape = {'conflicts': ['list', 'Conflict']}


class FundingCap(Sourced, Dated):
    model_fields = {'effective_from': None, 'effective_until': None, 'source': REQUIRED, 'note': None, 'conflicts': [], 'amount': REQUIRED, 'per': REQUIRED}
    _shape = {'conflicts': ['list', 'Conflict']}


class PaidPart(Sourced):
    model_fields = {'source': REQUIRED, 'note': None, 'conflicts': [], 'part': REQUIRED, 'cap': None, 'cap_per': None}
    _shape = {'conflicts': ['list', 'Conflict']}


class CoveredCredential(Sourced):
    model_fields = {'source': REQUIRED, 'note': None, 'conflicts': [], 'code': REQUIRED}
    _shape = {'conflicts': ['list', 'Conflict']}


class Funding(Strict):
    model_fields = {'id': REQUIRED, 'name': REQUIRED, 'kind': REQUIRED, 'aliases': [], 'who': REQUIRED, 'caps': [], 'pays_for': REQUIRED, 'covers': [], 'notes': []}
    _shape = {'who': 'Fact', 'caps': ['list', 'FundingCap'], 'pays_for': ['list', 'PaidPart'], 'covers': ['list', 'CoveredCredential'], 'notes': ['list', 'Note']}


class Catalog(Strict):
    model_fields = {'schema_version': REQUIRED, 'sources': REQUIRED, 'bodies': REQUIRED, 'credentials': REQUIRED, 'occupations': [], 'pay_differences': [], 'facts': [], 'funding': []}
    _shape = {'sources': ['list', 'Source'], 'bodies': ['list', 'Body'], 'credentials': ['list', 'Credential'], 'occupations': ['list', 'Occupation'], 'pay_differences': ['list', 'PayDifference'], 'facts': ['list', 'GeneralFact'], 'funding': ['list', 'Funding']}


CLASSES = {'Strict': Strict, 'Source': Source, 'Dated': Dated, 'Sourced': Sourced, 'Conflict': Conflict, 'Fact': Fact, 'Money': Money, 'Note': Note, 'EducationReq': EducationReq, 'ProgramReq': ProgramReq, 'ExperienceReq': ExperienceReq, 'CredentialReq': CredentialReq, 'MembershipReq': MembershipReq, 'CourseReq': CourseReq, 'PracticodeReq': PracticodeReq, 'ClinicalHoursReq': ClinicalHoursReq, 'TrainingProgramReq': TrainingProgramReq, 'OtherReq': OtherReq, 'Pathway': Pathway, 'Eligibility': Eligibility, 'Evidence': Evidence, 'Apprentice': Apprentice, 'Domain': Domain, 'Exam': Exam, 'TopicRule': TopicRule, 'Maintenance': Maintenance, 'PayFigure': PayFigure, 'Retirement': Retirement, 'Credential': Credential, 'CeuSchedule': CeuSchedule, 'CycleRule': CycleRule, 'FirstCycle': FirstCycle, 'CategoryRule': CategoryRule, 'GraceRule': GraceRule, 'LapseRule': LapseRule, 'ReinstateRule': ReinstateRule, 'Renewal': Renewal, 'Body': Body, 'OccupationFigure': OccupationFigure, 'Occupation': Occupation, 'PayDifference': PayDifference, 'GeneralFact': GeneralFact, 'FundingCap': FundingCap, 'PaidPart': PaidPart, 'CoveredCredential': CoveredCredential, 'Funding': Funding, 'Catalog': Catalog}
