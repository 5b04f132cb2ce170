"""How fast one ``minutes import`` takes many files, and whether its time grows with their
number and no faster.

Run (several minutes; not a test)::

    .venv/bin/python bench/bench_import.py                      # 300 and 1,200 files
    .venv/bin/python bench/bench_import.py --files 300 --runs 1

It writes an archive of invented minutes, as a secretary's folder of several bodies' years
of meetings would be: ten bodies (Finnish, English and Swedish), each meeting a week after
the last, each with its attendees, agenda, discussion, decisions, three to five actions in
the forms people write them, and, from the second meeting on, what became of the last
meeting's actions. Each ``minutes import FILE…`` is timed as a whole process into a new
store, median of ``--runs``; without a statistical model (``MINUTES_NO_MODEL=1``), and with
the models where they are installed in this interpreter's environment
(``pip install -e ".[fi,en]"``). The figures are files per second, and the time of the
larger import over that of the smaller against the ratio of their numbers of files (1.00:
linear). Printed as a Markdown table.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

FI = {
    "title": "{body} – pöytäkirja {n}/{year}",
    "date": "Aika: {d}.{m}.{year} klo 18.00–19.30",
    "place": "Paikka: {place}",
    "present": "Läsnä: {people}",
    "chair": "Puheenjohtaja: {chair}",
    "secretary": "Sihteeri: {secretary}",
    "agenda": ["Kokouksen avaus", "Edellisen kokouksen pöytäkirja", "Talous", "Tapahtumat",
               "Viestintä", "Muut asiat", "Seuraava kokous"],
    "talk": ["Keskusteltiin {thing}. Todettiin, että asia etenee suunnitellusti.",
             "{name} kertoi {thing}. Kuultiin selvitys ja merkittiin se tiedoksi.",
             "Päätettiin hyväksyä {thing} esitetyssä muodossa."],
    "actions": ["{name} lähettää {thing} jäsenille {due} mennessä.",
                "{name} selvittää {thing} ennen seuraavaa kokousta.",
                "Sovittiin, että {name} hoitaa {thing}.",
                "{name} varaa {thing} {due} mennessä."],
    "done": "{name}: {thing} – tehty.",
    "open": "{name}: {thing} on vielä kesken.",
    "next": "Seuraava kokous pidetään {d}.{m}.{year} klo 18.",
    "things": ["kokouskutsun", "talousarvion luonnoksen", "salin kevään tapahtumaan",
               "avustushakemuksen", "tiedotteen paikallislehdelle", "kyselyn jäsenille",
               "tarjoukset tarjoilusta", "verkkosivujen päivityksen", "talkoopäivän ohjelman"],
    "places": ["Seurojentalo", "Koulun auditorio", "Kirjaston kokoushuone"],
}
EN = {
    "title": "{body}: minutes of meeting {n}",
    "date": "Date: {day} {month_name} {year}, 6.30pm",
    "place": "Venue: {place}",
    "present": "Present: {people}",
    "chair": "Chair: {chair}",
    "secretary": "Minutes: {secretary}",
    "agenda": ["Welcome and apologies", "Matters arising", "Treasurer's report", "Events",
               "Communications", "Any other business", "Date of next meeting"],
    "talk": ["The committee discussed {thing}. It was noted that work is on schedule.",
             "{name} reported on {thing}. The report was received.",
             "It was agreed to approve {thing} as presented."],
    "actions": ["ACTION: {name} to send {thing} to the members by {due}.",
                "{name} will look into {thing} before the next meeting.",
                "ACTION: {name} to book {thing} by {due}.",
                "{name} agreed to take care of {thing}."],
    "done": "{name}: {thing} – done.",
    "open": "{name}: {thing} is still ongoing.",
    "next": "Next meeting: {day} {month_name} {year} at 6.30pm.",
    "things": ["the meeting notice", "the draft budget", "the hall for the spring concert",
               "the grant application", "the press release", "the members' survey",
               "the catering quotes", "the website update", "the volunteer day programme"],
    "places": ["the Parish Hall", "the Library meeting room", "the Harbour Café"],
}
SV = {
    "title": "{body} – protokoll {n}/{year}",
    "date": "Datum: {d}.{m}.{year} kl. 18.00",
    "place": "Plats: {place}",
    "present": "Närvarande: {people}",
    "chair": "Ordförande: {chair}",
    "secretary": "Sekreterare: {secretary}",
    "agenda": ["Mötets öppnande", "Föregående protokoll", "Ekonomi", "Evenemang",
               "Information", "Övriga frågor", "Nästa möte"],
    "talk": ["Styrelsen diskuterade {thing}. Arbetet följer planen.",
             "{name} informerade om {thing}. Informationen antecknades.",
             "Beslutades att godkänna {thing} i föreslagen form."],
    "actions": ["{name} skickar {thing} till medlemmarna senast {due}.",
                "{name} tar reda på {thing} före nästa möte.",
                "{name} bokar {thing} senast {due}.",
                "{name} ansvarar för {thing}."],
    "done": "{name}: {thing} – klart.",
    "open": "{name}: {thing} pågår fortfarande.",
    "next": "Nästa möte hålls {d}.{m}.{year} kl. 18.",
    "things": ["kallelsen", "budgetutkastet", "lokalen för vårkonserten", "bidragsansökan",
               "pressmeddelandet", "medlemsenkäten", "offerterna för catering",
               "uppdateringen av webbplatsen", "programmet för talkodagen"],
    "places": ["Föreningshuset", "Skolans aula", "Bibliotekets mötesrum"],
}
BODIES = [
    ("Kyläyhdistyksen hallitus", FI), ("Board of the Harbour Choir", EN), ("Seglarklubbens styrelse", SV),
    ("Kotiseutuyhdistyksen johtokunta", FI), ("Allotment Society Committee", EN),
    ("Hembygdsföreningens styrelse", SV), ("Partiolippukunnan hallitus", FI),
    ("Friends of the Library Committee", EN), ("Körens styrelse", SV), ("Taloyhtiön hallitus", FI),
]
NAMES = {id(FI): ["Anna Virtanen", "Pekka Nieminen", "Liisa Korhonen", "Tomi Rask", "Sari Laine",
                  "Jussi Heikkinen"],
         id(EN): ["Ben Carter", "Dora Jensen", "Priya Raman", "Sam Adeyemi", "Holly Marsh", "Owen Pike"],
         id(SV): ["Carl Lindqvist", "Frida Holm", "Elsa Berg", "Johan Ek", "Maja Nyström", "Nils Dahl"]}
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]


def write_archive(folder: Path, count: int, seed: int = 11) -> list[Path]:
    """``count`` minutes files of the ten bodies in turn, each body meeting weekly."""
    rng = random.Random(seed)
    files, carried = [], {}
    for k in range(count):
        body, words = BODIES[k % len(BODIES)]
        n = k // len(BODIES) + 1
        day = date(2021, 1, 11) + timedelta(weeks=n - 1, days=k % len(BODIES) % 5)
        names = NAMES[id(words)]
        people = rng.sample(names, 5)
        fill = {"body": body, "n": n, "year": day.year, "d": day.day, "m": day.month, "day": day.day,
                "month_name": MONTHS[day.month - 1], "people": ", ".join(people),
                "chair": people[0], "secretary": people[1], "place": rng.choice(words["places"])}
        lines = [words["title"].format(**fill), "", words["date"].format(**fill),
                 words["place"].format(**fill), words["present"].format(**fill),
                 words["chair"].format(**fill), words["secretary"].format(**fill), ""]
        actions = []
        for number, item in enumerate(words["agenda"], 1):
            lines.append(f"{number}. {item}")
            if number == 2:
                for name, thing in carried.get(body, []):
                    lines.append(words["done" if rng.random() < 0.6 else "open"].format(name=name, thing=thing))
            elif number == len(words["agenda"]):
                nxt = day + timedelta(weeks=1)
                lines.append(words["next"].format(year=nxt.year, d=nxt.day, m=nxt.month, day=nxt.day,
                                                  month_name=MONTHS[nxt.month - 1]))
            else:
                for _ in range(rng.randint(2, 4)):
                    lines.append(rng.choice(words["talk"]).format(name=rng.choice(people),
                                                                  thing=rng.choice(words["things"])))
                if number > 2 and len(actions) < 5 and rng.random() < 0.8:
                    name, thing = rng.choice(people), rng.choice(words["things"])
                    due = day + timedelta(days=rng.randint(7, 40))
                    due_text = (f"{due.day} {MONTHS[due.month - 1]}" if words is EN
                                else f"{due.day}.{due.month}." if words is FI else f"{due.day}/{due.month}")
                    lines.append(rng.choice(words["actions"]).format(name=name, thing=thing, due=due_text))
                    actions.append((name, thing))
            lines.append("")
        carried[body] = actions
        path = folder / f"{k:04d}-{body.split()[0].lower()}-{n:03d}.txt"
        path.write_text("\n".join(lines), encoding="utf-8")
        files.append(path)
    return files


def minutes_command() -> list[str]:
    installed = Path(sys.executable).with_name("minutes")
    return [str(installed)] if installed.exists() else [sys.executable, "-m", "tui.cli"]


def time_import(files: list[Path], model: bool, runs: int) -> float:
    """Median seconds of ``minutes import FILES`` into a new store."""
    env = {**os.environ}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    if model:
        env.pop("MINUTES_NO_MODEL", None)
    else:
        env["MINUTES_NO_MODEL"] = "1"
    times = []
    for _ in range(runs):
        with tempfile.TemporaryDirectory(prefix="bench-import-") as tmp:
            store = Path(tmp) / "actions.json"
            start = time.perf_counter()
            done = subprocess.run([*minutes_command(), "import", *map(str, files), "--store", str(store)],
                                  env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            times.append(time.perf_counter() - start)
            if done.returncode:
                raise SystemExit(f"the import failed: {done.stderr.decode()[-500:]}")
    return statistics.median(times)


def models_installed() -> bool:
    sys.path.insert(0, str(ROOT))
    from minutes.nlp import has_model

    return not os.environ.get("MINUTES_NO_MODEL") and has_model("fi") and has_model("en")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", type=int, nargs="*", default=[300, 1200])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    counts = sorted(args.files)
    kinds = [False] + ([True] if models_installed() else [])
    print("| import of | model | time | files/s | time / smallest's, per file |\n"
          "| --- | --- | ---: | ---: | ---: |")
    with tempfile.TemporaryDirectory(prefix="bench-archive-") as tmp:
        archive = write_archive(Path(tmp), counts[-1])
        size = sum(p.stat().st_size for p in archive) / len(archive)
        for model in kinds:
            first = None
            for count in counts:
                seconds = time_import(archive[:count], model, args.runs if count == counts[0] else 1)
                first = first or seconds / count
                print(f"| {count:,} files | {'fi, en models' if model else 'none'} | {seconds:.1f} s | "
                      f"{count / seconds:.1f} | {seconds / count / first:.2f} |", flush=True)
    print(f"\n{os.cpu_count()} cores, Python {sys.version.split()[0]}, files of {size / 1024:.1f} KB on "
          "average, a new store each time")


if __name__ == "__main__":
    main()
