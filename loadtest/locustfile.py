"""The last hour before a deadline: 100 applicants submit while 5 experts score and staff watch.

Run by `make loadtest` (see the Makefile): Locust headless against gunicorn on 127.0.0.1.
Each applicant logs in, starts (or reopens) the application, lets it autosave a few times
with growing text, uploads a small PDF, submits once and stops; every fourth one
double-clicks "Start" and "Submit" (two requests at once). With LOAD_ARRIVAL_SECONDS set
(run.sh sets it from LOAD_COMPRESSION: the hour compressed 10× is 360 s), the applicants
arrive evenly over that window, each at its own moment counted from the start of the run,
instead of as fast as Locust spawns them. Each expert works through
the queue: no-conflict answer, two autosaves, submission. One staff member keeps opening
the filtered application list, the staff dashboard and the reports' home page.

The portal runs with DEBUG off behind an imagined TLS proxy: requests carry
X-Forwarded-Proto: https and an Origin header, so the CSRF and secure-cookie rules of
production apply.
"""

import json
import os
import re
import sys
import time
from http.cookiejar import DefaultCookiePolicy
from pathlib import Path

import gevent
from locust import HttpUser, between, events, task
from locust.exception import StopUser

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from demo import loadplan

HERE = Path(__file__).resolve().parent
PLAN = loadplan.plan_read(Path(os.environ.get("LOADTEST_PLAN", loadplan.PLAN_PATH)))
SENT_PATH = Path(os.environ.get("LOADTEST_SENT", HERE / "out" / "sent.json"))
SERVER_ERRORS_PATH = HERE / "out" / "server_errors.json"
PDF = loadplan.sample_pdf()

# The portal's cookies are Secure (DEBUG off). This client stands where the TLS proxy would
# and talks plain HTTP to 127.0.0.1, so it sends Secure cookies over HTTP too. (Patched on
# the class: requests copies cookies into fresh jars with the default policy.)
DefaultCookiePolicy.return_ok_secure = lambda self, cookie, request: True

APPLICANTS = iter(PLAN["applicants"])
EXPERTS = iter(PLAN["experts"])
EXPECTED_DONE = len(PLAN["applicants"]) + len(PLAN["experts"])
# What each applicant's last acknowledged autosave sent, for the verifier.
SENT: dict[str, str] = {}
SERVER_ERRORS: list[dict] = []
finished = 0
# Seconds over which the applicants arrive (0: as Locust spawns them, LOAD_SPAWN_RATE a second).
# Locust's spawn rate cannot spread them: the users are spawned, but a fractional rate
# still let a 0.28-a-second run end in 119 s; each applicant waits for its own slot instead.
ARRIVAL_SECONDS = float(os.environ.get("LOAD_ARRIVAL_SECONDS") or 0)
run_started: float | None = None


def arrival_delay(number: int, now: float) -> float:
    """How long applicant `number` (1…N) still waits: arrivals evenly spaced over the
    window from the start of the run, the first at once."""
    if ARRIVAL_SECONDS <= 0 or run_started is None:
        return 0.0
    slot = ARRIVAL_SECONDS * (number - 1) / max(len(PLAN["applicants"]), 1)
    return max(0.0, run_started + slot - now)


# LOAD_LOGIN=phone: applicants log in by an SMS code, read from the portal's file backend
# (SMS_FILE_PATH, set by run.sh); "password" (default) logs them in by e-mail and password.
LOGIN = os.environ.get("LOAD_LOGIN", "password")
SMS_FOLDER = Path(os.environ.get("SMS_FILE_PATH", HERE / "out" / "sms"))
CODE = re.compile(r"\b(\d{6})\b")


def sms_lines(phone: str) -> list[str]:
    try:
        return (SMS_FOLDER / f"{phone.lstrip('+')}.jsonl").read_text("utf-8").splitlines()
    except FileNotFoundError:
        return []


def wait_for_code(phone: str, sent_before: int, seconds: float = 30) -> str | None:
    """The code of the SMS sent after `sent_before` messages, once the Celery worker has
    sent it; the wait counts in the "SMS arrives" line of the results."""
    started = time.perf_counter()
    while time.perf_counter() - started < seconds:
        lines = sms_lines(phone)
        if len(lines) > sent_before:
            match = CODE.search(json.loads(lines[-1])["text"])
            events.request.fire(
                request_type="SMS",
                name="SMS arrives",
                response_time=(time.perf_counter() - started) * 1000,
                response_length=0,
                exception=None if match else ValueError("no code in the SMS"),
                context={},
            )
            return match.group(1) if match else None
        gevent.sleep(0.1)
    events.request.fire(
        request_type="SMS",
        name="SMS arrives",
        response_time=seconds * 1000,
        response_length=0,
        exception=TimeoutError(f"no SMS for {phone}"),
        context={},
    )
    return None


def one_finished(environment) -> None:
    """When every applicant and expert is done, the run ends (staff alone would go on)."""
    global finished
    finished += 1
    if finished >= EXPECTED_DONE and environment.runner is not None:
        gevent.spawn_later(1, environment.runner.quit)


@events.test_start.add_listener
def mark_the_start(environment, **kwargs):
    global run_started
    run_started = time.monotonic()


@events.request.add_listener
def count_server_errors(request_type, name, response, exception, **kwargs):
    if response is not None and getattr(response, "status_code", 0) >= 500:
        SERVER_ERRORS.append({"name": name, "status": response.status_code})


@events.quitting.add_listener
def write_results(environment, **kwargs):
    SENT_PATH.write_text(json.dumps(SENT, ensure_ascii=False, indent=1), encoding="utf-8")
    SERVER_ERRORS_PATH.write_text(json.dumps(SERVER_ERRORS, indent=1), encoding="utf-8")


class PortalUser(HttpUser):
    abstract = True
    wait_time = between(1, 3)

    def on_start(self):
        origin = self.host.replace("http://", "https://")
        self.client.headers.update({"X-Forwarded-Proto": "https", "Origin": origin})

    @property
    def csrf(self) -> str:
        return self.client.cookies.get("csrftoken", "")

    def login(self, email: str, password: str) -> None:
        self.client.get("/accounts/login/", name="login page")
        with self.client.post(
            "/accounts/login/",
            data={"username": email, "password": password, "csrfmiddlewaretoken": self.csrf},
            name="log in",
            catch_response=True,
        ) as response:
            if "/accounts/login/" in response.url:
                response.failure(f"login refused for {email}")
                raise StopUser
        if "/accounts/two-factor/" in response.url:
            self.second_step(email, response.url)

    def second_step(self, email: str, url: str) -> None:
        """Experts and staff type their app's code after the password."""
        code = loadplan.app_code(PLAN["app_keys"][email])
        with self.client.post(
            url,
            data={"code": code, "csrfmiddlewaretoken": self.csrf},
            name="second step",
            catch_response=True,
        ) as response:
            if "/accounts/two-factor/" in response.url:
                response.failure(f"code refused for {email}")
                raise StopUser

    def htmx(self) -> dict:
        return {"HX-Request": "true", "X-CSRFToken": self.csrf}


class Applicant(PortalUser):
    weight = 100

    def on_start(self):
        super().on_start()
        try:
            self.plan = next(APPLICANTS)
        except StopIteration:
            raise StopUser from None
        self.email = self.plan["email"]
        self.number = PLAN["applicants"].index(self.plan) + 1
        self.pk = None
        self.saved = 0
        self.uploaded = False
        gevent.sleep(arrival_delay(self.number, time.monotonic()))
        if LOGIN == "phone":
            self.phone_login(self.plan["phone"])
        else:
            self.login(self.email, PLAN["password"])

    def phone_login(self, phone: str) -> None:
        """As a villager does: the number, then the code the SMS brings (the file backend
        leaves it where this process reads it). Each applicant comes from their own
        address, as behind the proxy: the codes' per-IP limit is 20 an hour."""
        self.client.headers["X-Forwarded-For"] = f"10.{self.number // 250}.{self.number % 250}.7"
        self.client.get("/accounts/login/", name="login page")
        sent_before = len(sms_lines(phone))
        with self.client.post(
            "/accounts/login/phone/",
            data={"phone": phone, "csrfmiddlewaretoken": self.csrf},
            name="log in: phone",
            catch_response=True,
        ) as response:
            if "/accounts/login/phone/code/" not in response.url:
                response.failure(f"no code page for {phone}")
                raise StopUser
        code = wait_for_code(phone, sent_before)
        if code is None:
            raise StopUser
        with self.client.post(
            "/accounts/login/phone/code/",
            data={"code": code, "csrfmiddlewaretoken": self.csrf},
            name="log in: code",
            catch_response=True,
        ) as response:
            if "/accounts/login/" in response.url:
                response.failure(f"code refused for {phone}")
                raise StopUser

    def clicks(self, send) -> list:
        """Every fourth applicant double-clicks "Start" and "Submit": two requests at once."""
        if self.number % 4:
            return [send()]
        first, second = gevent.spawn(send), gevent.spawn(send)
        gevent.joinall([first, second], raise_error=True)
        return [first.value, second.value]

    def fields(self, step: int) -> dict:
        """The form as it stands after `step` autosaves: more fields filled each time."""
        everything = dict(self.plan["fields"])
        keys = list(everything)
        share = len(keys) * step // loadplan.AUTOSAVES
        data = {key: everything[key] for key in keys[: max(share, 2)]}
        data["main-problem"] = loadplan.draft_text(self.email, step)
        return data

    @task
    def apply(self):
        slug = PLAN["open_call"]["slug"]
        if self.pk is None:
            self.client.get("/applications/", name="applicant home")
            self.client.get(f"/competitions/{slug}/", name="competition page")

            def start():
                return self.client.post(
                    f"/applications/start/{slug}/",
                    data={"csrfmiddlewaretoken": self.csrf},
                    name="start → edit page",
                )

            pks = {
                re.search(r"/applications/(\d+)/edit/", response.url or "")
                for response in self.clicks(start)
            }
            if None in pks or len({found[1] for found in pks}) != 1:
                raise RuntimeError("start did not open one and the same form")
            self.pk = int(pks.pop()[1])
        while self.saved < loadplan.AUTOSAVES:
            self.wait()
            step = self.saved + 1
            with self.client.post(
                f"/applications/{self.pk}/autosave/",
                data=self.fields(step),
                headers=self.htmx(),
                name="autosave",
                catch_response=True,
            ) as response:
                if response.status_code != 200:
                    response.failure(f"autosave answered {response.status_code}")
                    return
            SENT[self.email] = loadplan.draft_text(self.email, step)
            self.saved = step
        if not self.uploaded:
            with self.client.post(
                f"/applications/{self.pk}/files/",
                data={"csrfmiddlewaretoken": self.csrf},
                files={"file": ("жоспар.pdf", PDF, "application/pdf")},
                name="upload PDF",
                catch_response=True,
            ) as response:
                if "жоспар.pdf" not in response.text:
                    response.failure("the file is not listed after upload")
                    return
            self.uploaded = True
        self.wait()
        data = dict(self.plan["fields"]) | {"submit": "1", "csrfmiddlewaretoken": self.csrf}

        def submit():
            with self.client.post(
                f"/applications/{self.pk}/edit/", data=data, name="submit", catch_response=True
            ) as response:
                accepted = response.url.rstrip("/").endswith(f"/applications/{self.pk}")
                if not accepted:
                    response.failure(f"submission not accepted ({response.status_code})")
                return accepted

        if not all(self.clicks(submit)):
            return
        one_finished(self.environment)
        raise StopUser


class Expert(PortalUser):
    fixed_count = len(PLAN["experts"])

    def on_start(self):
        super().on_start()
        try:
            self.email = next(EXPERTS)
        except StopIteration:
            raise StopUser from None
        self.login(self.email, PLAN["password"])

    @task
    def review_queue(self):
        queue = self.client.get("/reviews/", name="expert queue")
        pks = list(dict.fromkeys(re.findall(r'href="/reviews/applications/(\d+)/"', queue.text)))
        for pk in pks:
            url = f"/reviews/applications/{pk}/"
            page = self.client.get(url, name="review page")
            if 'name="answer"' in page.text:
                self.wait()
                page = self.client.post(
                    url,
                    data={"answer": "none", "csrfmiddlewaretoken": self.csrf},
                    name="declare no conflict",
                )
            if not page.ok:  # a dropped connection: read the page again
                page = self.client.get(url, name="review page")
            criteria = re.findall(r'name="score_(\d+)"', page.text)
            if not criteria:
                continue  # submitted already
            for step in (1, 2):
                self.wait()
                data = {f"score_{c}": str(3 + step) for c in criteria[: step * 2]}
                data["comment"] = f"Сарапшы пікірі, {step}-нұсқа."
                self.client.post(
                    f"/reviews/applications/{pk}/autosave/",
                    data=data,
                    headers=self.htmx(),
                    name="review autosave",
                )
            self.wait()
            data = {"submit": "1", "csrfmiddlewaretoken": self.csrf, "comment": "Жоба пайдалы."}
            for criterion in criteria:
                data[f"score_{criterion}"] = "6"
                data[f"justification_{criterion}"] = "Жоспар нақты, бюджет шынайы."
            with self.client.post(
                url, data=data, name="submit review", catch_response=True
            ) as response:
                if not response.url.rstrip("/").endswith("/reviews"):
                    response.failure(f"review not accepted ({response.status_code})")
        one_finished(self.environment)
        raise StopUser


class Staff(PortalUser):
    fixed_count = 1
    wait_time = between(2, 4)

    def on_start(self):
        super().on_start()
        staff = PLAN["staff"][0]
        self.login(staff["email"], staff["password"])
        self.call = PLAN["open_call"]["id"]

    @task(3)
    def submitted_list(self):
        self.client.get(
            f"/applications/staff/?competition={self.call}&status=submitted",
            name="staff list (filtered)",
        )

    @task(1)
    def searched_list(self):
        self.client.get(
            f"/applications/staff/?competition={self.call}&search=%D0%B0%D0%BB%D0%B0%D2%A3",
            name="staff list (search)",
        )

    @task(1)
    def dashboard(self):
        self.client.get("/staff/", name="staff dashboard")

    @task(1)
    def reports(self):
        self.client.get("/reports/", name="reports home")
