"""What the pack checker says, in Dutch and English, each with what to do about it."""

from __future__ import annotations

from dataclasses import dataclass

_MESSAGES: dict[str, tuple[str, str]] = {
    # The pack folder.
    "folder_missing": (
        "de map bestaat niet. Controleer de naam en het pad van de map.",
        "the folder does not exist. Check the folder's name and path.",
    ),
    "folder_not_dir": (
        "dit is een bestand, geen map. Geef de map van het pakket op.",
        "this is a file, not a folder. Give the pack's folder instead.",
    ),
    "folder_empty": (
        "in deze map staan geen .toml-bestanden. Kopieer een bestaand pakket (bijvoorbeeld "
        "content/nl) als begin.",
        "this folder holds no .toml files. Copy an existing pack (for example content/nl) "
        "to start from.",
    ),
    "file_missing": (
        "het bestand {name} ontbreekt. Elk pakket heeft {name} nodig.",
        "the file {name} is missing. Every pack needs {name}.",
    ),
    "file_unknown": (
        "onbekend bestand {name}; het wordt niet gebruikt.{suggestion}",
        "unknown file {name}; it is not used.{suggestion}",
    ),
    "file_unreadable": (
        "het bestand kan niet worden gelezen ({reason}). Controleer of je het mag openen.",
        "the file cannot be read ({reason}). Check that you are allowed to open it.",
    ),
    "file_too_large": (
        "het bestand is te groot ({size} kB; hooguit {limit} kB). Is dit wel het goede bestand?",
        "the file is too large ({size} kB; at most {limit} kB). Is this the right file?",
    ),
    # Text encoding.
    "encoding_not_utf8": (
        "het bestand is geen UTF-8. Sla het op als UTF-8 (in Kladblok: Opslaan als, "
        "Codering: UTF-8).",
        "the file is not UTF-8. Save it as UTF-8 (in Notepad: Save as, Encoding: UTF-8).",
    ),
    "encoding_utf16": (
        "het bestand is opgeslagen als UTF-16. Sla het op als UTF-8.",
        "the file is saved as UTF-16. Save it as UTF-8.",
    ),
    # TOML syntax.
    "toml_syntax": (
        "TOML-fout: {detail}.{hint}",
        "TOML error: {detail}.{hint}",
    ),
    "hint_windows_path": (
        " Een backslash (\\) tussen dubbele aanhalingstekens is een speciaal teken. Gebruik "
        "enkele aanhalingstekens ('C:\\map\\bestand') of schrijf twee backslashes (\\\\).",
        " A backslash (\\) inside double quotes is a special character. Use single quotes "
        "('C:\\folder\\file') or write two backslashes (\\\\).",
    ),
    "hint_escape": (
        " Een backslash (\\) tussen dubbele aanhalingstekens moet \\\\ zijn, of gebruik "
        "enkele aanhalingstekens.",
        " A backslash (\\) inside double quotes must be written \\\\, or use single quotes.",
    ),
    "hint_unterminated": (
        " Een tekst is niet afgesloten: zet het aanhalingsteken aan het eind. Tekst over "
        'meerdere regels zet je tussen drie aanhalingstekens (""" ... """).',
        " A text is not closed: put the quote mark at its end. Text over several lines goes "
        'between three quote marks (""" ... """).',
    ),
    "hint_duplicate": (
        " Elke sleutel mag maar één keer in een tabel staan; verwijder of hernoem de tweede.",
        " Each key may appear only once in a table; remove or rename the second one.",
    ),
    "hint_equals": (
        " Elke regel is 'sleutel = waarde'; tekst staat tussen aanhalingstekens.",
        " Each line is 'key = value'; text goes between quote marks.",
    ),
    "hint_value": (
        " Een waarde is tekst tussen aanhalingstekens, een getal, true/false of een lijst [ ].",
        " A value is text between quote marks, a number, true/false or a list [ ].",
    ),
    "duplicate_key": (
        "de sleutel '{key}' staat twee keer in dezelfde tabel. Verwijder of hernoem de tweede.",
        "the key '{key}' appears twice in the same table. Remove or rename the second one.",
    ),
    # The shape of the data.
    "table_missing": (
        "de tabel [{table}] ontbreekt. Zet bovenaan het bestand een regel [{table}].",
        "the table [{table}] is missing. Put a line [{table}] at the top of the file.",
    ),
    "key_missing": (
        "'{key}' ontbreekt{where}. Voeg een regel {key} = ... toe.",
        "'{key}' is missing{where}. Add a line {key} = ... .",
    ),
    "key_unknown": (
        "onbekende sleutel '{key}'{where}.{suggestion}",
        "unknown key '{key}'{where}.{suggestion}",
    ),
    "key_not_for_kind": (
        "'{key}' hoort niet bij een vraag van soort '{kind}'{where}. Haal het weg of kies een "
        "andere soort.",
        "'{key}' does not belong to a prompt of kind '{kind}'{where}. Remove it or choose "
        "another kind.",
    ),
    "wrong_type": (
        "'{key}' moet {expected} zijn, maar is {actual}{where}.",
        "'{key}' must be {expected}, but is {actual}{where}.",
    ),
    "empty_text": (
        "'{key}' is leeg{where}. Schrijf er een tekst in.",
        "'{key}' is empty{where}. Write some text in it.",
    ),
    "kind_unknown": (
        "onbekende soort vraag '{kind}'{where}.{suggestion} Mogelijk: {choices}.",
        "unknown prompt kind '{kind}'{where}.{suggestion} Possible: {choices}.",
    ),
    "id_not_slug": (
        "de id '{id}' is niet geldig{where}. Gebruik kleine letters, cijfers en - of _, "
        "zonder spaties (bijvoorbeeld 'sterke-kanten').",
        "the id '{id}' is not valid{where}. Use lower-case letters, digits and - or _, "
        "without spaces (for example 'strengths').",
    ),
    "id_duplicate": (
        "de id '{id}' komt al voor in {other}. Elke id moet uniek zijn in het pakket.",
        "the id '{id}' is already used in {other}. Every id must be unique in the pack.",
    ),
    "ref_unknown": (
        "'{ref}' in '{key}' bestaat niet{where}.{suggestion} Er zijn: {choices}.",
        "'{ref}' in '{key}' does not exist{where}.{suggestion} There are: {choices}.",
    ),
    "too_few": (
        "'{key}' heeft minstens {minimum} nodig{where}.",
        "'{key}' needs at least {minimum}{where}.",
    ),
    "scale_range": (
        "de schaal loopt van {min} tot {max}{where}; 'min' moet kleiner zijn dan 'max' en "
        "het verschil hooguit 10.",
        "the scale runs from {min} to {max}{where}; 'min' must be below 'max', at most 10 apart.",
    ),
    "language_unknown": (
        "taal '{language}' wordt niet ondersteund{where}. Kies 'nl' of 'en'.",
        "language '{language}' is not supported{where}. Choose 'nl' or 'en'.",
    ),
    "ui_placeholder": (
        "de tekst voor '{key}' gebruikt {{{name}}}, maar die bestaat hier niet. "
        "Mogelijk: {choices}.",
        "the text for '{key}' uses {{{name}}}, which does not exist here. Possible: {choices}.",
    ),
    "ui_braces": (
        "de tekst voor '{key}' heeft een losse {{ of }}. Schrijf {{{{ of }}}} voor een "
        "accolade.",
        "the text for '{key}' has a stray {{ or }}. Write {{{{ or }}}} for a brace.",
    ),
    "no_paths": (
        "een vraag van soort 'paths' heeft loopbaanpaden nodig, maar paths.toml heeft er geen.",
        "a prompt of kind 'paths' needs career paths, but paths.toml has none.",
    ),
    "profile_no_prompts": (
        "profiel '{profile}' krijgt in stap '{step}' geen enkele vraag.",
        "profile '{profile}' gets no prompt at all in step '{step}'.",
    ),
    # Small pieces the messages above are built from.
    "nothing": ("", ""),
    "in_prompt": (" (vraag '{id}')", " (prompt '{id}')"),
    "in_item": (" ({table} nr. {number})", " ({table} no. {number})"),
    "in_table": (" (in [{table}])", " (in [{table}])"),
    "did_you_mean": (" Bedoel je '{name}'?", " Did you mean '{name}'?"),
    "type_text": ("tekst", "text"),
    "type_texts": ("een lijst met teksten", "a list of texts"),
    "type_bool": ("true of false", "true or false"),
    "type_int": ("een geheel getal", "a whole number"),
    "type_table": ("een tabel", "a table"),
    "type_tables": ("een lijst met tabellen", "a list of tables"),
    "type_options": ("een lijst als [{{ id = ..., label = ... }}]", "a list like [{{ id = ..., label = ... }}]"),
}


@dataclass(frozen=True, slots=True)
class Piece:
    """A part of a message that is itself translated, such as "(prompt 'x')"."""

    code: str
    values: tuple[tuple[str, object], ...] = ()

    @classmethod
    def of(cls, code: str, **values: object) -> Piece:
        return cls(code, tuple(values.items()))


NOTHING = Piece("nothing")


def message(code: str, lang: str = "nl", **values: object) -> str:
    """The message for `code` in `lang` (Dutch unless English is asked for)."""
    nl, en = _MESSAGES[code]
    shown = {
        name: message(value.code, lang, **dict(value.values)) if isinstance(value, Piece) else value
        for name, value in values.items()
    }
    return (en if lang == "en" else nl).format(**shown)
