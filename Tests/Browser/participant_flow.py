"""A real browser (headless Chromium, driven by Selenium) joins a session, answers a form in Arabic and one in
French, submits, and checks the receipt. Run by .ci/run:

    python3 Tests/Browser/participant_flow.py .build/debug/atelier

It starts `atelier serve` on a fresh database and a free port, and stops it at the end.
"""
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By

atelier = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else ".build/debug/atelier")
work = tempfile.mkdtemp()
env = dict(os.environ, ATELIER_DB=os.path.join(work, "atelier.sqlite"), ATELIER_CONTENT=os.getcwd(), LOG_LEVEL="error")


def run(*args):
    return subprocess.run([atelier, *args], env=env, check=True, capture_output=True, text=True).stdout


run("session", "create", "--program", "awareness-civil-society", "--site", "Rosso", "--start", "2026-12-10", "--id", "browser")
codes = [run("participants", "add", "--sex", sex, "--age-band", "25-34", "--organization-type", "civil-society", "--language", lang).strip()
         for sex, lang in (("female", "ar"), ("male", "fr"))]
run("session", "open", "definitions.pre")
join = json.loads(run("session", "show", "--format", "json"))["code"]

with socket.socket() as probe:
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
server = subprocess.Popen([atelier, "serve", "--host", "127.0.0.1", "--port", str(port)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
base = f"http://127.0.0.1:{port}"
for _ in range(100):
    try:
        urllib.request.urlopen(base + "/api/v1/health", timeout=1)
        break
    except Exception:
        time.sleep(0.1)

options = Options()
options.binary_location = "/usr/bin/chromium"
service = Service(executable_path="/usr/bin/chromedriver")  # Debian's driver: nothing is downloaded
for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=412,900"):
    options.add_argument(argument)
options.add_experimental_option("prefs", {"webkit.webprefs.javascript_enabled": False, "profile.managed_default_content_settings.javascript": 2})
failures = []
checks = []


def check(condition, message):
    print(("ok   " if condition else "FAIL ") + message)
    checks.append(message)
    if not condition:
        failures.append(message)


def click_and_wait(element):
    """Clicks and waits until the page the element was on is replaced (a form post and its redirect)."""
    element.click()
    deadline = time.time() + 15
    while time.time() < deadline:
        try:
            element.is_enabled()
        except Exception:  # stale: the old page is gone (Chromium reports it in more than one way)
            return
        time.sleep(0.05)
    raise TimeoutError("the next page did not load")


def answer_form(driver, language):
    answered = 0
    for _ in range(60):
        if "/review" in driver.current_url:
            break
        radios = {}
        for radio in driver.find_elements(By.CSS_SELECTOR, "input[type=radio]"):
            radios.setdefault(radio.get_dom_attribute("name"), radio)
        for radio in radios.values():
            radio.click()
        boxes = driver.find_elements(By.CSS_SELECTOR, "input[type=checkbox]")
        if boxes:
            boxes[0].click()
        for index, select in enumerate(driver.find_elements(By.TAG_NAME, "select")):
            options_ = select.find_elements(By.TAG_NAME, "option")
            options_[1 + index % (len(options_) - 1)].click()
        for field in driver.find_elements(By.CSS_SELECTOR, "input[name=answer][type=text]"):
            field.send_keys("18" if field.get_dom_attribute("inputmode") == "decimal" else "traite des personnes")
        answered += 1
        click_and_wait(driver.find_element(By.CSS_SELECTOR, "button[name=go][value=next]"))
    return answered


try:
    for code, language, thanks in ((codes[0], "ar", "شكراً. تم تسجيل إجاباتك."), (codes[1], "fr", "Merci. Vos réponses sont enregistrées.")):
        driver = webdriver.Chrome(options=options, service=service)
        try:
            driver.get(f"{base}/?lang={language}")
            html = driver.find_element(By.TAG_NAME, "html")
            check(html.get_dom_attribute("lang") == language, f"{language}: the page is in {language}")
            check(html.get_dom_attribute("dir") == ("rtl" if language == "ar" else "ltr"), f"{language}: direction {html.get_dom_attribute('dir')}")
            driver.find_element(By.ID, "join").send_keys(join.lower())
            driver.find_element(By.ID, "code").send_keys(code)
            click_and_wait(driver.find_element(By.CSS_SELECTOR, "form button[type=submit]"))
            check(driver.current_url.endswith("/p"), f"{language}: joined ({driver.current_url})")
            click_and_wait(driver.find_element(By.CSS_SELECTOR, "a[href='/p/forms/definitions.pre']"))
            answered = answer_form(driver, language)
            check(answered == 16, f"{language}: went through {answered} items")
            driver.refresh()  # a refresh loses nothing
            click_and_wait(driver.find_element(By.CSS_SELECTOR, "form[action$='/submit'] button"))
            body = driver.find_element(By.TAG_NAME, "main").text
            check(thanks in body, f"{language}: the receipt thanks the participant")
            receipt = driver.find_element(By.CSS_SELECTOR, "bdi.code").text
            check(len(receipt) == 8, f"{language}: receipt number {receipt}")
            driver.back()
            driver.back()
            driver.get(f"{base}/p/forms/definitions.pre")
            check(driver.current_url.endswith("/receipt") and receipt in driver.page_source, f"{language}: sending again shows the same receipt")
        finally:
            driver.quit()
    results = json.loads(run("results", "browser", "--format", "json"))
    check(all(row["pre"] is not None for row in results["rows"]), "both submissions are stored and graded")
    check(len(json.loads(run("responses", "quarantine", "--format", "json"))) == 0, "nothing in quarantine")
finally:
    server.terminate()
    server.wait(timeout=20)

print(f"browser: {len(checks) - len(failures)} checks passed, {len(failures)} failed")
sys.exit(1 if failures else 0)
