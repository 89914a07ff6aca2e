"""Fills the score levels of the four criteria the source document names, where empty.

Experts score each criterion 0–10 and see these levels beside the score. Databases loaded
before the levels were written (competitions/demo/source.py) have the criteria without them;
a level text staff typed is never overwritten.
"""

from django.db import migrations

# Frozen here rather than imported from the demo source: a migration keeps doing what it did.
LEVELS = {
    ("relevance", "Өзектілігі"): {
        "kk": "0–3: мәселе көрсетілмеген немесе ауылға қатысы жоқ\n"
        "4–6: мәселе аталған, бірақ дәлелдері аз\n"
        "7–8: ауылдың нақты мәселесі сипатталып, дәлелденген\n"
        "9–10: ауыл үшін аса өзекті мәселе, тұрғындардың "
        "қажеттілігі нақты дәлелденген",
        "ru": "0–3: проблема не показана или не касается села\n"
        "4–6: проблема названа, но слабо обоснована\n"
        "7–8: конкретная проблема села описана и обоснована\n"
        "9–10: проблема очень актуальна для села, потребность "
        "жителей ясно доказана",
        "en": "0–3: no problem is shown, or it does not concern the "
        "village\n"
        "4–6: the problem is named but little evidence is given\n"
        "7–8: a concrete problem of the village is described and "
        "supported\n"
        "9–10: a pressing problem of the village, the residents' "
        "need clearly shown",
    },
    ("novelty", "Жаңашылдығы"): {
        "kk": "0–3: идея ауылда бұрыннан бар нәрсені қайталайды\n"
        "4–6: таныс идея, бірнеше жаңа элементі бар\n"
        "7–8: ауыл үшін жаңа идея, шығармашылық тәсіл\n"
        "9–10: ерекше, креативті шешім, басқа ауылдарға үлгі бола "
        "алады",
        "ru": "0–3: идея повторяет то, что в селе уже есть\n"
        "4–6: знакомая идея с отдельными новыми элементами\n"
        "7–8: новая для села идея, творческий подход\n"
        "9–10: необычное креативное решение, может стать примером "
        "для других сёл",
        "en": "0–3: the idea repeats what the village already has\n"
        "4–6: a familiar idea with a few new elements\n"
        "7–8: an idea new to the village, a creative approach\n"
        "9–10: an unusual, creative solution other villages could "
        "follow",
    },
    ("social_impact", "Қоғамдық әсері"): {
        "kk": "0–3: ауыл тұрғындарына әсері байқалмайды\n"
        "4–6: тұрғындардың шағын тобына пайда келтіреді\n"
        "7–8: ауылдағы өмір сапасын арттырады, тұрғындар "
        "тартылады\n"
        "9–10: бүкіл ауылға айқын пайда, қауымдастық "
        "жобаға белсенді қатысады",
        "ru": "0–3: влияние на жителей села не видно\n"
        "4–6: польза для небольшой группы жителей\n"
        "7–8: повышает качество жизни в селе, жители "
        "вовлечены\n"
        "9–10: явная польза для всего села, сообщество "
        "активно участвует в проекте",
        "en": "0–3: no visible effect on the village's "
        "residents\n"
        "4–6: benefits a small group of residents\n"
        "7–8: improves life in the village and involves "
        "its residents\n"
        "9–10: a clear benefit to the whole village, the "
        "community takes an active part",
    },
    ("feasibility", "Жүзеге асыру мүмкіндігі"): {
        "kk": "0–3: жобаны орындауға бюджет, команда "
        "немесе мерзім жетпейді\n"
        "4–6: орындауға болады, бірақ бюджетте не "
        "жоспарда елеулі кемшіліктер бар\n"
        "7–8: бюджет пен жоспар шынайы, "
        "кемшіліктері шағын\n"
        "9–10: бюджет нақты есептелген, жоспар "
        "мен команда жобаны мерзімінде орындауға "
        "толық жетеді",
        "ru": "0–3: бюджета, команды или срока не "
        "хватает для реализации\n"
        "4–6: реализуемо, но в бюджете или плане "
        "есть существенные недочёты\n"
        "7–8: бюджет и план реалистичны, недочёты "
        "небольшие\n"
        "9–10: бюджет точно рассчитан, плана и "
        "команды полностью хватает, чтобы "
        "завершить проект в срок",
        "en": "0–3: the budget, the team or the time is "
        "not enough to deliver it\n"
        "4–6: deliverable, but the budget or the "
        "plan has serious gaps\n"
        "7–8: a realistic budget and plan with "
        "minor gaps\n"
        "9–10: a precisely costed budget; the "
        "plan and the team are fully able to "
        "finish on time",
    },
}


def fill(apps, schema_editor):
    Criterion = apps.get_model("competitions", "Criterion")
    for (code, name_kk), texts in LEVELS.items():
        values = {f"levels_{language}": text for language, text in texts.items()}
        Criterion.objects.filter(code=code, name_kk=name_kk, levels_kk="").update(
            levels=texts["kk"], **values
        )


class Migration(migrations.Migration):
    dependencies = [("competitions", "0008_kato_places_nobody_lives_in")]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
