// Surviving mutants of firestore.rules that no test can kill, each with the
// reason (README, "Rules mutation"). scripts/rules-mutation.mjs does not run
// them again while their expression is unchanged (`--all` runs them): each is
// [kind, the whole expression with the changed part in [[ ]]], so editing the
// expression makes the mutant run again, and an entry that matches no mutant
// any more is reported as stale.
//   equivalent: no rules could tell the mutant from the original;
//   clock: the emulator's request.time cannot be frozen, and the tests catch
//          the mutant only at some hours or on some days.
export const DOCUMENTED = [
  {
    class: "equivalent",
    why: "`uid()` follows in the same conjunction: for a signed-out request it is an evaluation error, which denies.",
    mutants: [
      ["&& operand -> true", "[[signedIn()]] && exists(/databases/$(database)/documents/supervisors/$(uid()))"],
      [
        "&& operand -> true",
        "[[signedIn()]] && !exists(appPath(appId)) && get(tombstonePath(appId)).data.ownerUid == uid()",
      ],
      ["&& operand -> true", "[[signedIn()]] && data.ownerUid == uid()"],
      ["&& operand -> true", "[[signedIn()]] && a.ownerUid == uid() && isEditableStatus(a.status)"],
      [
        "&& operand -> true",
        "[[signedIn()]] && request.resource.data.keys().hasOnly(['ownerUid', 'route', 'status', 'supervisorIds', 'examResultId', 'level2CertificationId', 'candidateName']) && request.resource.data.keys().hasAll(['ownerUid', 'route', 'status', 'supervisorIds']) && request.resource.data.ownerUid == uid() && request.resource.data.status == 'draft' && validApplicationFields(request.resource.data) && logbookAccess(request.resource.data) && !exists(tombstonePath(appId))",
      ],
      ["&& operand -> true", "[[signedIn()]] && resource.data.ownerUid == uid()"],
      [
        "&& operand -> true",
        "[[signedIn()]] && request.resource.data.keys().hasOnly(['ownerUid', 'deletedAt']) && request.resource.data.ownerUid == uid() && request.resource.data.deletedAt == request.time && get(appPath(appId)).data.ownerUid == uid() && !existsAfter(appPath(appId))",
      ],
      ["&& operand -> true", "[[signedIn()]] && (uid() == userId || isCommittee() || isAdmin())"],
      [
        "&& operand -> true",
        "[[signedIn()]] && uid() == userId && validProfile(request.resource.data) && request.resource.data.get('membership', 'non-member') == 'non-member'",
      ],
      [
        "&& operand -> true",
        "[[signedIn()]] && uid() == userId && validProfile(request.resource.data) && !request.resource.data.diff(resource.data).affectedKeys().hasAny(['membership'])",
      ],
      ["&& operand -> true", "[[signedIn()]] && (uid() == userId || isCommittee())"],
      ["&& operand -> true", "[[signedIn()]] && uid() == userId"],
      [
        "&& operand -> true",
        "[[signedIn()]] && uid() == userId && request.resource.data.diff(resource.data).affectedKeys().hasOnly(['readAt']) && request.resource.data.readAt is timestamp",
      ],
      ["&& operand -> true", "[[signedIn()]] && uid() == userId"],
      ["&& operand -> true", "[[signedIn()]] && (resource.data.uid == uid() || isCommittee() || isAdmin())"],
      ["&& operand -> true", "[[signedIn()]] && (resource.data.uid == uid() || isCommittee() || isAdmin())"],
      ["&& operand -> true", "[[signedIn()]] && (resource.data.uid == uid() || isCommittee() || isAdmin())"],
      ["&& operand -> true", "[[signedIn()]] && (resource.data.uid == uid() || isCommittee() || isAdmin())"],
      ["&& operand -> true", "[[signedIn()]] && (uid() == graderUid || isCommittee() || isAdmin())"],
      ["&& operand -> true", "[[signedIn()]] && (resource.data.uid == uid() || isAdmin())"],
      ["&& operand -> true", "[[signedIn()]] && d.uid == uid()"],
      [
        "&& operand -> true",
        "[[signedIn()]] && uid() == supervisorId && supervises(a) && a.ownerUid != uid() && isEditableStatus(a.status)",
      ],
      [
        "&& operand -> true",
        "ownsApp(app(appId)) || gradesApp(app(appId)) || isCommittee() || ([[signedIn()]] && uid() == supervisorId && supervises(app(appId))) || leftoverOwner(appId)",
      ],
      [
        "&& operand -> true",
        "isCommittee() || (isGrader() && resource.data.graderUid == uid()) || (resource.data.get('visibleToGraders', false) == true && gradesRound(gradingRound(appId))) || ([[signedIn()]] && resource.data.candidateUid == uid() && resource.data.get('visibleToCandidate', false) == true)",
      ],
      [
        "&& operand -> true",
        "isCommittee() || gradesRound(gradingRound(appId)) || ([[signedIn()]] && resource.data.candidateUid == uid())",
      ],
      [
        "&& operand -> true",
        "isCommittee() || gradesRound(gradingRound(appId)) || ([[signedIn()]] && resource.data.supervisorUid == uid())",
      ],
      [
        "&& operand -> true",
        "isCommittee() || gradesRound(gradingRound(appId)) || ([[signedIn()]] && gradingRound(appId).candidateUid == uid())",
      ],
      ["&& operand -> true", "[[signedIn()]] && uid() == customerId"],
      [
        "&& operand -> true",
        "[[signedIn()]] && uid() == customerId && validCheckoutSession(request.resource.data, customerId)",
      ],
      ["&& operand -> true", "([[signedIn()]] && uid() == customerId) || isAdmin()"],
      [
        "&& operand -> true",
        "[[signedIn()]] && (d.candidateUid == uid() || uid() in d.supervisorUids || isCommittee())",
      ],
      [
        "&& operand -> true",
        "[[signedIn()]] && uid() in resource.data.supervisorUids && resource.data.candidateUid != uid() && resource.data.status in ['submitted', 'changes-requested', 'resubmitted'] && resource.data.get('supervisorStatement', null) == null && request.resource.data.diff(resource.data).affectedKeys().hasOnly(['supervisorStatement']) && request.resource.data.supervisorStatement.keys().hasOnly(['by', 'text', 'signedOn']) && request.resource.data.supervisorStatement.by == uid() && isText(request.resource.data.supervisorStatement.text, 5000) && isToday(request.resource.data.supervisorStatement.signedOn)",
      ],
    ],
  },
  {
    class: "equivalent",
    why: "`matches()` (or `size()` then `matches()`) follows: on anything but a string it is an evaluation error, which denies.",
    mutants: [
      [
        "&& operand -> true",
        "[[v is string]] && ( v.matches('^(19[7-9][0-9]|20[0-9]{2})-((0[13578]|1[02])-(0[1-9]|[12][0-9]|3[01])|(0[469]|11)-(0[1-9]|[12][0-9]|30)|02-(0[1-9]|1[0-9]|2[0-8]))$') || v.matches('^(19(7[26]|8[048]|9[26])|20([02468][048]|[13579][26]))-02-29$'))",
      ],
      ["&& operand -> true", "[[v is string]] && v.matches('^[A-Za-z0-9_-]{1,128}$')"],
      [
        "&& operand -> true",
        "[[v is string]] && v.matches('^[A-Za-z0-9._-]{1,40}$') && !compactRef(v).matches('.*[0-9]{6,}.*') && !v.matches('.*[0-9]{1,4}[._-][0-9]{1,2}[._-][0-9]{1,4}.*') && !compactRef(v).lower().matches('.*[0-9]{1,2}(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*[0-9]{2,4}.*') && !compactRef(v).matches('.*[A-Z][a-z]+[A-Z][a-z]+.*')",
      ],
      ["&& operand -> true", "[[v is string]] && v.size() <= 500 && v.matches('^https?://[^ ]+$')"],
    ],
  },
  {
    class: "equivalent",
    why: "`keys()` follows: on anything but a map it is an evaluation error, which denies.",
    mutants: [
      [
        "&& operand -> true",
        "c == null || ([[c is map]] && c.keys().hasOnly(['years']) && c.years is list && c.years.size() <= 20)",
      ],
      [
        "&& operand -> true",
        "d.keys().hasOnly(['mode', 'line_items', 'success_url', 'cancel_url', 'metadata', 'client']) && d.keys().hasAll(['mode', 'line_items', 'success_url', 'cancel_url', 'metadata']) && d.mode == 'payment' && optional(d, 'client', d.client == 'web') && isWebUrl(d.success_url) && isWebUrl(d.cancel_url) && [[d.metadata is map]] && d.metadata.keys().hasOnly(['recertificationId']) && isDocId(appId) && d.line_items is list && d.line_items.size() == 1 && item.keys().hasOnly(['price_data', 'quantity']) && item.quantity == 1 && item.price_data.keys().hasOnly(['currency', 'unit_amount', 'product_data']) && item.price_data.product_data.keys().hasOnly(['name']) && isText(item.price_data.product_data.name, 200) && a.uid == customerId && a.status == 'awaiting-payment' && item.price_data.currency == a.fee.currency && item.price_data.unit_amount == a.fee.amountMinor",
      ],
    ],
  },
  {
    class: "equivalent",
    why: "every required field is read by a later clause of the same rule, and reading a missing field is an evaluation error, which denies.",
    mutants: [
      [
        "&& operand -> true",
        "d.keys().hasOnly(['title', 'catalogueId', 'kind', 'modalities', 'cmrComponentCredits', 'startDate', 'endDate', 'credits', 'certificateId']) && [[d.keys().hasAll(['title', 'kind', 'startDate', 'endDate', 'credits', 'certificateId'])]] && isText(d.title, 200) && optional(d, 'catalogueId', isDocIdOrNull(d.catalogueId)) && d.kind in ['cmr-meeting', 'multimodality-meeting', 'general-meeting', 'course', 'online-course', 'ects', 'self-directed', 'general-webinar'] && optional(d, 'modalities', d.modalities is int && d.modalities >= 1 && d.modalities <= 10) && optional(d, 'cmrComponentCredits', isNumberIn(d.cmrComponentCredits, 0, 1000)) && isPastDate(d.startDate) && isPastDate(d.endDate) && d.endDate >= d.startDate && isNumberIn(d.credits, 0, 1000) && isDocIdOrNull(d.certificateId)",
      ],
      [
        "&& operand -> true",
        "signedIn() && request.resource.data.keys().hasOnly(['ownerUid', 'route', 'status', 'supervisorIds', 'examResultId', 'level2CertificationId', 'candidateName']) && [[request.resource.data.keys().hasAll(['ownerUid', 'route', 'status', 'supervisorIds'])]] && request.resource.data.ownerUid == uid() && request.resource.data.status == 'draft' && validApplicationFields(request.resource.data) && logbookAccess(request.resource.data) && !exists(tombstonePath(appId))",
      ],
      [
        "&& operand -> true",
        "d.keys().hasOnly(['patientRef', 'studyDate', 'category', 'normal', 'source', 'courseId', 'fullReview', 'role', 'presentInControlRoom', 'supervisorId', 'clinicalChange', 'congenitalLesion']) && [[d.keys().hasAll(['patientRef', 'studyDate', 'category', 'normal', 'source', 'role', 'presentInControlRoom', 'supervisorId'])]] && isPatientRef(d.patientRef) && isPastDate(d.studyDate) && d.category in ['ischaemic', 'stress-perfusion', 'cardiomyopathy', 'valvular', 'congenital', 'aortic-vascular', 'pericardial', 'mass', 'other'] && d.normal is bool && d.source in ['own-centre', 'other-centre', 'course'] && optional(d, 'courseId', isTextOrNull(d.courseId, 100)) && optional(d, 'fullReview', d.fullReview is bool) && d.role in ['primary-operator', 'reporting-physician', 'observer'] && d.presentInControlRoom is bool && isDocId(d.supervisorId) && optional(d, 'clinicalChange', d.clinicalChange is bool) && optional(d, 'congenitalLesion', d.congenitalLesion == null || d.congenitalLesion in ['shunt', 'anomalous-pulmonary-venous-drainage', 'fontan', 'tetralogy-of-fallot', 'transposition', 'coarctation', 'ebstein', 'other-complex', 'bicuspid-aortic-valve', 'hypertrophic-cardiomyopathy'])",
      ],
      [
        "&& operand -> true",
        "d.keys().hasOnly(['start', 'end', 'hoursPerWeek', 'supervisorId']) && [[d.keys().hasAll(['start', 'end', 'hoursPerWeek', 'supervisorId'])]] && isPastDate(d.start) && isPlannedEnd(d.end) && d.end >= d.start && isNumberIn(d.hoursPerWeek, 0.5, 168) && isDocId(d.supervisorId)",
      ],
      [
        "&& operand -> true",
        "d.keys().hasOnly(['kind', 'date', 'title', 'isAbstract', 'firstAuthor', 'presentedInPerson', 'moderatedPoster', 'evidenceId']) && [[d.keys().hasAll(['kind', 'date'])]] && d.kind in ['faculty-lecturer', 'invited-speaker', 'publication', 'oral-presentation'] && isPastDate(d.date) && optional(d, 'title', isText(d.title, 300)) && optional(d, 'isAbstract', d.isAbstract is bool) && optional(d, 'firstAuthor', d.firstAuthor is bool) && optional(d, 'presentedInPerson', d.presentedInPerson is bool) && optional(d, 'moderatedPoster', d.moderatedPoster is bool) && optional(d, 'evidenceId', isDocIdOrNull(d.evidenceId))",
      ],
      [
        "&& operand -> true",
        "d.keys().hasOnly(['displayName', 'institution', 'country', 'active', 'capacity', 'openAssignments']) && [[d.keys().hasAll(['institution', 'country', 'active', 'capacity'])]] && optional(d, 'displayName', isText(d.displayName, 120)) && isText(d.institution, 200) && isText(d.country, 60) && d.active is bool && d.capacity is int && d.capacity >= 0 && d.capacity <= 100",
      ],
      [
        "&& operand -> true",
        "d.keys().hasOnly(['mode', 'line_items', 'success_url', 'cancel_url', 'metadata', 'client']) && [[d.keys().hasAll(['mode', 'line_items', 'success_url', 'cancel_url', 'metadata'])]] && d.mode == 'payment' && optional(d, 'client', d.client == 'web') && isWebUrl(d.success_url) && isWebUrl(d.cancel_url) && d.metadata is map && d.metadata.keys().hasOnly(['recertificationId']) && isDocId(appId) && d.line_items is list && d.line_items.size() == 1 && item.keys().hasOnly(['price_data', 'quantity']) && item.quantity == 1 && item.price_data.keys().hasOnly(['currency', 'unit_amount', 'product_data']) && item.price_data.product_data.keys().hasOnly(['name']) && isText(item.price_data.product_data.name, 200) && a.uid == customerId && a.status == 'awaiting-payment' && item.price_data.currency == a.fee.currency && item.price_data.unit_amount == a.fee.amountMinor",
      ],
    ],
  },
  {
    class: "equivalent",
    why: "the same batch must create the tombstone, whose create rule requires the application's ownerUid == uid(), so only the owner can delete either way.",
    mutants: [
      [
        "&& operand -> true",
        "[[ownsApp(resource.data)]] && resource.data.status == 'draft' && resource.data.get('submissionCount', 0) == 0 && getAfter(tombstonePath(appId)).data.ownerUid == uid()",
      ],
    ],
  },
  {
    class: "equivalent",
    why: "the tombstone can only be written in the batch that deletes the application (!existsAfter), whose delete rule requires getAfter(tombstone).data.ownerUid == uid().",
    mutants: [
      [
        "&& operand -> true",
        "signedIn() && request.resource.data.keys().hasOnly(['ownerUid', 'deletedAt']) && [[request.resource.data.ownerUid == uid()]] && request.resource.data.deletedAt == request.time && get(appPath(appId)).data.ownerUid == uid() && !existsAfter(appPath(appId))",
      ],
    ],
  },
  {
    class: "equivalent",
    why: "logbookAccess checks the id the route rests on with isDocId and the other with == null, on every create and on every update that changes either id or the route; an unchanged id was checked when written.",
    mutants: [
      [
        "&& operand -> true",
        "d.route in ['level2', 'level3-via-level2', 'level3-direct'] && validSupervisorIds(d.supervisorIds, d.ownerUid) && [[optional(d, 'examResultId', isDocIdOrNull(d.examResultId))]] && optional(d, 'level2CertificationId', isDocIdOrNull(d.level2CertificationId)) // web client: the name the candidate shows the supervisors they name // (who may read the application, never the candidate's profile). && optional(d, 'candidateName', isText(d.candidateName, 120))",
      ],
      [
        "&& operand -> true",
        "d.route in ['level2', 'level3-via-level2', 'level3-direct'] && validSupervisorIds(d.supervisorIds, d.ownerUid) && optional(d, 'examResultId', isDocIdOrNull(d.examResultId)) && [[optional(d, 'level2CertificationId', isDocIdOrNull(d.level2CertificationId)) // web client: the name the candidate shows the supervisors they name // (who may read the application, never the candidate's profile).]] && optional(d, 'candidateName', isText(d.candidateName, 120))",
      ],
    ],
  },
  {
    class: "equivalent",
    why: "a string or a map has a size(), but toSet() on it is an evaluation error, which denies.",
    mutants: [
      [
        "&& operand -> true",
        "[[list is list]] && list.size() <= 5 && isUidOrAbsent(list, 0) && isUidOrAbsent(list, 1) && isUidOrAbsent(list, 2) && isUidOrAbsent(list, 3) && isUidOrAbsent(list, 4) && list.toSet().size() == list.size() && !(owner in list)",
      ],
    ],
  },
  {
    class: "equivalent",
    why: "isToday accepts only a date dayOf builds from request.time, always a real date.",
    mutants: [
      [
        "&& operand -> true",
        "signs() && request.resource.data.keys().hasOnly(['signedOn', 'statement']) && [[isIsoDate(request.resource.data.signedOn)]] && isToday(request.resource.data.signedOn) && level3CurrentOn(request.resource.data.signedOn) && optional(request.resource.data, 'statement', isText(request.resource.data.statement, 2000))",
      ],
    ],
  },
  {
    class: "equivalent",
    why: "comparing a string, a bool or a map with a number is an evaluation error, which denies.",
    mutants: [["&& operand -> true", "[[(v is int || v is float)]] && v >= low && v <= high"]],
  },
  {
    class: "clock",
    why: 'differs only when the month or the day of a date the rules compute is 10: the "today" tests catch it on those days only.',
    mutants: [["< -> <=", "n [[<]] 10 ? '0' + string(n) : string(n)"]],
  },
  {
    class: "clock",
    why: "each operand is redundant at some hours (UTC-12, UTC and UTC+14 dates coincide two by two): dropping the UTC-12 one is caught before 12:00 UTC, the UTC+14 one from 10:00 UTC, the middle one only between 10:00 and 12:00 UTC.",
    mutants: [
      [
        "|| operand -> false",
        "[[d == dayOf(request.time - duration.value(12, 'h'))]] || d == dayOf(request.time) || d == latestToday()",
      ],
      [
        "|| operand -> false",
        "d == dayOf(request.time - duration.value(12, 'h')) || [[d == dayOf(request.time)]] || d == latestToday()",
      ],
      [
        "|| operand -> false",
        "d == dayOf(request.time - duration.value(12, 'h')) || d == dayOf(request.time) || [[d == latestToday()]]",
      ],
    ],
  },
  {
    class: "equivalent",
    why: "gradesRound() begins with isGrader(), which is false for a signed-out request (role() is null), so uid() is never reached.",
    mutants: [["&& operand -> true", "isCommittee() || ([[signedIn()]] && gradesRound(resource.data))"]],
  },
  {
    class: "equivalent",
    why: "the first line item (d.line_items[0]) is read by later clauses: indexing a map or a string is an evaluation error, which denies.",
    mutants: [
      [
        "&& operand -> true",
        "d.keys().hasOnly(['mode', 'line_items', 'success_url', 'cancel_url', 'metadata', 'client']) && d.keys().hasAll(['mode', 'line_items', 'success_url', 'cancel_url', 'metadata']) && d.mode == 'payment' && optional(d, 'client', d.client == 'web') && isWebUrl(d.success_url) && isWebUrl(d.cancel_url) && d.metadata is map && d.metadata.keys().hasOnly(['recertificationId']) && isDocId(appId) && [[d.line_items is list]] && d.line_items.size() == 1 && item.keys().hasOnly(['price_data', 'quantity']) && item.quantity == 1 && item.price_data.keys().hasOnly(['currency', 'unit_amount', 'product_data']) && item.price_data.product_data.keys().hasOnly(['name']) && isText(item.price_data.product_data.name, 200) && a.uid == customerId && a.status == 'awaiting-payment' && item.price_data.currency == a.fee.currency && item.price_data.unit_amount == a.fee.amountMinor",
      ],
    ],
  },
];
