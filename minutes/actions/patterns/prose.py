"""Rules that read a task off a sentence of prose: agreed and required tasks, commitments,
a speaker's promise, what is to be sent to someone, a deadline."""

from __future__ import annotations

import re

from ...people import looks_like_name
from ...structure import Line
from ..reading import closed_words
from .common import (
    Found, _AND, _BULLET, _MONTH_YEAR, _NAME_SEQ, _NICKS, _OWNERS_SEQ, _alternation, _present_verb,
)


class Prose:
    """The rules that read a task off a sentence of prose."""

    def _segments(self, line: Line, text: str) -> list[tuple[str | None, str]]:
        turns = [t for t in self.turns.get(line.origin, []) if t.text and t.text in text]
        return [(t.person, t.text) for t in turns] or [(None, text)]


    def _sentence(self, line, sentence, speaker, previous_turn) -> Found | None:
        sentence = _BULLET.sub("", sentence).strip()
        low = sentence.lower()
        if not sentence or sentence.endswith("?") or self._tentative(low) or self._status_report(low):
            return None
        for rule in (self._agreed, self._commitment, self._speaker_commitment, self._recipient,
                     self._deadline):
            item = rule(line, sentence, low, speaker, previous_turn)
            if item:
                return item
        return None


    def _tentative(self, low: str) -> bool:
        return self._says(low, "tentative")


    def _agreed(self, line, sentence, low, speaker, previous_turn) -> Found | None:
        whole, required = sentence, self._required(sentence)
        if required:  # "Lautakunta edellytti, että …": what follows is agreed
            sentence, low = required, required.lower()
        agreed = [w for w in self.words.get("agreed", ()) if low.startswith(w)]
        passive = (
            speaker is None and self._passive_start(sentence)
            and (line.block.kind == "paragraph" and not _BULLET.match(line.text) or self._has_deadline(sentence))
        )
        if not agreed and not passive and not required:
            return None
        task = self._strip_agreed(sentence) if agreed else sentence
        inner = self._commitment(line, task, task.lower(), speaker, previous_turn)
        if inner:
            inner.rule, inner.snippet = "agreed", whole
            return inner
        if (agreed or required) and not self._task_form(task):
            return None  # a decision, not a task: "Sovittiin, että kokous on …"
        return Found(task, self._subject_owners(task), line, "agreed", whole, sentence)


    def _task_form(self, text: str) -> bool:
        """A clause that sets a task, where the language marks one by the ending of its
        verb: a passive (``tuodaan``), necessive (``toimitettava``) or translative
        infinitive (``vietäväksi``); in a language that does not, any clause may."""
        if not self._task_endings():
            return True
        return self._marks_task(text)


    def _task_endings(self) -> tuple[str, ...]:
        return (*self.words.get("passive_endings", ()), *self.words.get("must_endings", ()))


    def _marks_task(self, text: str) -> bool:
        endings = self._task_endings()
        return bool(endings) and any(w.lower().endswith(endings) for w in re.findall(r"\w+", text))


    def _passive_start(self, sentence: str) -> bool:
        """``Selvitetään …``, ``Lähetetään …``: a passive task verb opens the sentence."""
        first = sentence.split()[0].lower().strip(",") if sentence.split() else ""
        return first in self.words.get("passive_tasks", ())


    def _commitment(self, line, sentence, low, speaker, previous_turn) -> Found | None:
        if self.profile.pro_drop:
            owners = self._owners_by_verb(sentence, low) or None
        else:
            owners = self._owners_modal(sentence)
            if owners is None:
                owners = self._subject_with_verb(sentence, low) or None
        if owners is None:
            return None
        return Found(sentence, [*owners, *self._together(sentence, owners)], line, "commit", sentence, sentence)


    def _together(self, sentence: str, owners: list[str]) -> list[str]:
        """People the task is to be done with, who share it: ``yhdessä Villen kanssa``,
        ``together with Jo``, ``tillsammans med Olof``."""
        found = []
        for m in self.together.finditer(sentence):
            for name in self._resolve_all(m["who"]):
                if name not in owners and name not in found:
                    found.append(name)
        return found


    def _owners_modal(self, sentence: str) -> list[str] | None:
        """``Sam will …``, ``Sam and Jo to …``, ``Sam agreed to …``, ``Karin ansvarar för …``:
        the owners; none (an empty list) for a pronoun (``They will …``: a task, its doer
        not named); None when the sentence is no such promise."""
        verbs = _alternation(v for v in self.words.get("commit_verbs", ()))
        match = re.search(
            rf"(?:^|,\s*|;\s*|\b(?:{self.that})\s+)(?P<who>(?:(?i:{self.determiners})\s+)?(?:{_OWNERS_SEQ}|{_NICKS}))"
            rf"\s+(?P<verb>{verbs})\s+(?P<rest>\S.*)$",
            sentence,
        )
        if not match:
            return None
        verbs = self.profile.verbs
        verb, rest = " ".join(match["verb"].lower().split()), match["rest"].lower()
        after = rest.split()[0] if rest.split() else ""
        if verb in verbs.get("future", ()) and self.not_after_future.match(rest):
            return None  # "Sam will be away"
        to = verb in verbs.get("infinitive_marks", ())
        if to and (not re.match(r"^[a-z]+\b", match["rest"]) or after in verbs.get("not_after_to", ())):
            return None  # "Sam to the rescue"
        doc = self._analysis(match["rest"]) if to else None
        if doc is not None and len(doc) and doc[0].pos_ in ("DET", "ADP", "PRON", "PROPN", "NUM"):
            return None  # "Welcome to the club", "thanks to Sam"
        if to and after.endswith(
            (*verbs.get("progressive_endings", ()), *verbs.get("past_endings", ()))
        ):
            return None  # "Due to overlapping duties …": no verb follows "to"
        first = match["who"].split()[0].lower()
        if len(first) > 4 and first.endswith(tuple(verbs.get("opening_past_endings", ()))):
            return None  # "Created the repository to …": a report opens the sentence, no doer
        owners = self._resolve_all(match["who"], keep_unknown=match["who"][:1].isupper() or bool(self.nicks))
        return owners if owners or match["who"].lower() in self.pronouns else None


    def _subject_with_verb(self, sentence: str, low: str) -> list[str]:
        """``Mats sammankallar … senast den 30 april``: a named subject, a present-tense verb
        and a deadline."""
        match = re.match(rf"^(?P<who>{_OWNERS_SEQ})\s+(?P<verb>[a-zåäö]+)\b", sentence)
        if not match or match["verb"] in self.words.get("report_verbs", ()):
            return []
        present = match["verb"].endswith(tuple(self.words.get("present_endings", ())) or ("\0",))
        if not present or not self._has_deadline(sentence, strict=True) or self._reported(sentence):
            return []
        return self._resolve_all(match["who"])


    def _owners_by_verb(self, sentence: str, low: str) -> list[str]:
        """Where the verb's present tense says what will be done (``Aino selvittää …``): the
        ways of giving a task to someone; a sentence that reports what
        happened gives none (checked last: with a model it is the costly part)."""
        owners = self._owners_by_verb_candidates(sentence, low)
        if owners and self._reported(sentence) and not self._says(low, "task_of"):
            return []
        return owners


    def _owners_by_verb_candidates(self, sentence: str, low: str) -> list[str]:
        # "Villelle annettiin tehtäväksi …", "Ainon tehtäväksi …", "vastuuhenkilönä X"
        if self._says(low, "task_of"):
            owners = self._people_in(sentence)
            if owners:
                return owners
        # "Sirpalta tulee …", "… tulossa Villeltä"
        if self._says(low, "coming"):
            owners = [o for word in re.findall(_NAME_SEQ, sentence)
                      if word.split()[-1].lower().endswith(("lta", "ltä")) for o in self._resolve_all(word)]
            if owners:
                return owners
        # "Aino kokoaa …", "Kosken Ville ja Anna-Liisa laativat … helmikuun aikana"
        match = re.match(rf"^(?P<who>(?:{_OWNERS_SEQ}|[a-zåäö]+))\s+(?P<verb>[\wåäö/]+)", sentence)
        if not match:
            return []
        verb = match["verb"].lower().strip(",.")
        verbs = self.words.get("commit_verbs", ())
        if verb in self.words.get("report_verbs", ()) or verb.endswith("i") and verb not in verbs:
            return []
        if verb not in verbs and not (_present_verb(verb) and self._has_deadline(sentence)):
            return []
        who = match["who"]
        owners = self._resolve_all(who)
        if not owners and self._is_place(who) and self._has_deadline(sentence, strict=True):
            owners = [who]  # "Kuusamo kokoaa tiedot … viikon 12 aikana"
        return owners


    def _is_place(self, who: str) -> bool:
        """A capitalised subject that is no person of the meeting but acts as one (a town,
        an organisation: ``Kuusamo kokoaa tiedot``)."""
        return looks_like_name(who, 2) and self.state.people.resolve(who) is None \
            and who.split()[0].lower() not in closed_words()  # "Teen kuvat viikolla 14": a verb


    def _has_deadline(self, sentence: str, strict: bool = False) -> bool:
        """A due date in the sentence; ``strict``: one written as a deadline (``mennessä``,
        ``vko 14``, ``by``), not any date."""
        due = self._deadline_in(sentence)
        if due is None or not strict:
            return due is not None
        phrase = due.text.lower()
        return due.kind == "deadline" or self._says(phrase, "by", "due_phrases")


    def _speaker_commitment(self, line, sentence, low, speaker, previous_turn) -> Found | None:
        """A speaker's own commitment: ``I'll send it``, ``Hoidan``, ``Lupautuu avuksi``;
        ``I can take that`` takes the task from the turn before."""
        if not speaker:
            return None
        words = self.words.get("first_person", ())
        first = [w for w in words if low.startswith(w) or f" {w} " in f" {low} "]
        if self.profile.pro_drop and not first:
            verb = low.split()[0].strip(",.") if low.split() else ""
            if verb not in self.words.get("commit_verbs", ()):
                return None
        elif not first:
            return None
        if re.search(r"\b(?:i'll|i will)\s+be\b", low):
            return None
        owners = [speaker]
        partner = re.match(rf"^(?P<who>{_NAME_SEQ})\s+(?:{_AND})\s+(?i:{self.writer})\b", sentence)
        if partner:
            owners = [*self._resolve_all(partner["who"]), speaker]
        text, due_source = sentence, sentence
        if len(sentence.split()) <= 6 and previous_turn:
            request = self._request(previous_turn)
            if request:  # "Maria: I can do that" after "Somebody has to call X"
                text, due_source = request, f"{sentence} {previous_turn}"
        return Found(text, owners, line, "commit", sentence, due_source)


    def _request(self, turn: str) -> str | None:
        """The task a previous speaker asked for: ``Somebody has to call X`` ->
        ``call X``; ``@Sanna voitko tarkistaa X?`` -> ``tarkistaa X``."""
        words = _alternation(self.words.get("request", ()))
        match = re.search(rf"(?<!\w)(?:{words})\s+(?P<task>[^.;!?]+)", turn, re.I)
        return match["task"].strip(" ,") if match else None


    def _deadline(self, line, sentence, low, speaker, previous_turn) -> Found | None:
        """A task set by its deadline: ``Kaikkien kuntien vastaukset: dl 21.2``, ``vko 14``.
        A date with a deadline word counts anywhere; a week or month end only on a bullet or
        where the sentence names a doer or sets a task. Speakers' dates are what they
        report, and a sentence in the past tense reports too."""
        if speaker:
            return None
        due = self._deadline_in(sentence)
        if not due or _MONTH_YEAR.fullmatch(due.text.strip()) or self._reported(sentence):
            return None
        phrase = due.text.lower()
        words = sentence[: due.start].split()[-3:]  # "haun dl on 31.3.2025"
        by = [i for i, w in enumerate(words) if self._says(w.lower(), "by")]
        # "signed by Maria on 3 May": a name after "by" makes it the doer, not the date
        by_date = bool(by) and not any(w[:1].isupper() for w in words[by[-1] + 1:])
        explicit = due.kind == "deadline" or self._says(phrase, "by") or by_date
        if not explicit and not self._says(phrase, "due_phrases"):
            return None
        task = _BULLET.sub("", sentence.replace(due.text, " ")).strip(" ,.;:-–•")
        if len(task.split()) < 2:
            return None
        group_label = re.match(r"^(?P<who>[^:]{2,30}):\s+(?P<rest>.+)$", task)
        if group_label and self._resolve_all(group_label["who"]):
            return Found(group_label["rest"], self._resolve_all(group_label["who"]), line, "deadline", sentence, sentence)
        owners = self._subject_owners(task)
        bullet = line.block.kind == "list_item" or _BULLET.match(line.text) is not None
        if not explicit and not (bullet or owners or self._task_form(task)):
            return None
        return Found(task, owners, line, "deadline", sentence, sentence)


    def _recipient(self, line, sentence, low, speaker, previous_turn) -> Found | None:
        """What people are to send to someone, who then acts on it: ``Ilmoittautumiset
        Ainolle tai suoraan Villelle``, ``Feedback on the flyer to Tom by 5 May``,
        ``Anmälan till Emil``. The thing sent opens the sentence (no verb says who does what)
        and the recipients, people of the meeting, are the owners."""
        opening = " ".join(re.findall(r"[\w-]+", low)[:3])
        if speaker or not self._says(opening, "sent_things") or self._says(low, "report_verbs"):
            return None
        if self._reported(sentence):
            return None
        endings = tuple(self.words.get("recipient_endings", ()))
        if endings:
            named = [w for w in re.findall(r"[\w-]+", sentence) if w[:1].isupper() and w.endswith(endings)]
        else:
            before = _alternation(self.words.get("recipient_before", ()))
            named = [m["who"] for m in re.finditer(rf"(?<!\w)(?:{before})\s+(?P<who>{_NAME_SEQ})", sentence)]
        owners = list(dict.fromkeys(found for who in named if (found := self.state.people.resolve(who))))
        if not owners:
            return None
        return Found(sentence, owners, line, "recipient", sentence, sentence)


    def _reported(self, sentence: str) -> bool:
        """A sentence that reports what happened: the profile's patterns, and where a
        statistical model is installed, a main verb in the past tense (but a promise in
        the past tense, ``lupautui``, ``agreed``, is a commitment)."""
        low = sentence.lower()
        if any(re.search(pattern, low) for pattern in self.words.get("reported", ())):
            return True
        doc = self._analysis(sentence)
        if doc is None:
            return False
        finite = [t for t in doc if t.pos_ in ("VERB", "AUX") and "Fin" in t.morph.get("VerbForm")]
        if not finite or "Past" not in finite[0].morph.get("Tense"):
            return False
        return finite[0].lemma_.lower() not in self.words.get("promise_lemmas", ())


    def _sentences(self, text: str) -> list[str]:
        """spaCy's sentences, with the splits it makes after an abbreviation or an ordinal
        (``viim. viikon``, ``2. luonnokseen``, ``(pdf).``) joined back: a sentence starts
        with a capital letter, a digit or a quote. With a model, each sentence's reading is
        kept for ``_analysis``. Without a model the sentences are cut by punctuation alone
        (``units.sentences``) and spaCy is not loaded."""
        from ...nlp import has_model, pipeline
        from ..units import sentences as cut

        if len(text) < 40 or not re.search(r"[.!?]\s", text):
            return [text.strip()]
        if not has_model(self.code):
            return cut(text.strip())
        sentences: list[str] = []
        spans: list[list] = []
        for sent in pipeline(self.code)(text).sents:
            part = sent.text.strip()
            if not part:
                continue
            if sentences and not (part[0].isupper() or part[0].isdigit() or part[0] in "\"'*•-–"):
                sentences[-1] = f"{sentences[-1]} {part}"
                spans[-1].append(sent)
            else:
                sentences.append(part)
                spans.append([sent])
        for sentence, parts in zip(sentences, spans):
            if len(parts) == 1:
                self.analyses[sentence] = parts[0]
        return sentences


    def _analysis(self, text: str):
        """The statistical model's reading of ``text``, or None without a model."""
        from ...nlp import has_model, pipeline

        if not has_model(self.code):
            return None
        if text not in self.analyses:
            self.analyses[text] = pipeline(self.code)(text)
        return self.analyses[text]


    def _required(self, sentence: str) -> str | None:
        """What a body requires to be done (``Lautakunta edellytti, että syyt selvitetään``,
        ``The board required that …``): the clause after the profile's words, else None."""
        found = self.required.search(sentence)
        return sentence[found.end():] if found and found.end() < len(sentence) else None


    def _strip_agreed(self, text: str) -> str:
        low = text.lower()
        for agreed in self.words.get("agreed", ()):
            if low.startswith(agreed):
                return re.sub(rf"^(?:,\s*)?(?:{self.that})\s+", "", text[len(agreed):].strip(" ,:"), flags=re.I)
        return text
