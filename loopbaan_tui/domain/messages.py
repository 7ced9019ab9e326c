"""What loopbaan says outside the app's screens (the pack checker, the command line, writing a
roadmap), in Dutch and English, each with what to do about it. The app's screens take their
words from the pack's ui.toml instead, so a course leader can change them."""

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
        "in deze map staan geen .toml-bestanden. Kopieer een bestaand pakket (bijvoorbeeld content/nl) als begin.",
        "this folder holds no .toml files. Copy an existing pack (for example content/nl) to start from.",
    ),
    "folder_unreadable": (
        "de map kan niet worden gelezen ({reason}). Controleer of je hem mag openen.",
        "the folder cannot be read ({reason}). Check that you are allowed to open it.",
    ),
    "file_missing": (
        "het bestand {name} ontbreekt. Elk pakket heeft {name} nodig.",
        "the file {name} is missing. Every pack needs {name}.",
    ),
    "file_unknown": (
        "onbekend bestand {name}. Een pakket kent alleen {known}.{suggestion}",
        "unknown file {name}. A pack has only {known}.{suggestion}",
    ),
    "file_unreadable": (
        "het bestand kan niet worden gelezen ({reason}). Controleer of je het mag openen.",
        "the file cannot be read ({reason}). Check that you are allowed to open it.",
    ),
    "file_txt": (
        "dit bestand heet {name}: er staat .txt achter de naam. Hernoem het naar {fixed} "
        "(in Windows: zet in de Verkenner onder Beeld eerst 'Bestandsnaamextensies' aan).",
        "this file is called {name}: there is .txt after the name. Rename it to {fixed} "
        "(in Windows: first switch on 'File name extensions' under View in Explorer).",
    ),
    "file_is_folder": (
        "dit is een map, geen bestand. Zet hier het bestand {name} neer.",
        "this is a folder, not a file. Put the file {name} here instead.",
    ),
    "file_not_regular": (
        "dit is geen gewoon bestand. Zet hier een tekstbestand {name} neer.",
        "this is not an ordinary file. Put a text file {name} here instead.",
    ),
    "file_too_large": (
        "het bestand is te groot ({size} kB; hooguit {limit} kB). Is dit wel het goede bestand?",
        "the file is too large ({size} kB; at most {limit} kB). Is this the right file?",
    ),
    # Text encoding.
    "encoding_not_utf8": (
        "het bestand is geen UTF-8. Sla het op als UTF-8 (in Kladblok: Opslaan als, Codering: UTF-8).",
        "the file is not UTF-8. Save it as UTF-8 (in Notepad: Save as, Encoding: UTF-8).",
    ),
    "encoding_utf16": (
        "het bestand is opgeslagen als UTF-16. Sla het op als UTF-8 (in Kladblok: Opslaan als, Codering: UTF-8).",
        "the file is saved as UTF-16. Save it as UTF-8 (in Notepad: Save as, Encoding: UTF-8).",
    ),
    # TOML syntax.
    "toml_syntax": (
        "TOML-fout: {detail}.{hint}",
        "TOML error: {detail}.{hint}",
    ),
    "hint_windows_path": (
        " Tussen dubbele aanhalingstekens is een backslash (\\) een speciaal teken. Zet een "
        "Windows-pad tussen enkele aanhalingstekens ('C:\\map\\bestand') of schrijf twee "
        "backslashes (\\\\).",
        " Inside double quotes a backslash (\\) is a special character. Put a Windows path "
        "between single quotes ('C:\\folder\\file') or write two backslashes (\\\\).",
    ),
    "hint_escape": (
        " Schrijf een backslash (\\) tussen dubbele aanhalingstekens als \\\\, of zet de tekst "
        "tussen enkele aanhalingstekens.",
        " Inside double quotes write a backslash (\\) as \\\\, or put the text between single quotes.",
    ),
    "hint_unterminated": (
        " Zet aan het eind een aanhalingsteken. Tekst over meerdere regels zet je tussen drie "
        'aanhalingstekens (""" ... """).',
        ' Put a quote mark at its end. Text over several lines goes between three quote marks (""" ... """).',
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
    "hint_statement": (
        " Elke regel is 'sleutel = waarde', een [tabel], of commentaar na een #.",
        " Each line is 'key = value', a [table], or a comment after a #.",
    ),
    "hint_smart_quotes": (
        " Gebruik rechte aanhalingstekens (\" of '), geen gekrulde (“ ” ‘ ’) zoals Word ze "
        "maakt. Bewerk het bestand in een teksteditor, niet in Word.",
        " Use straight quote marks (\" or '), not curly ones (“ ” ‘ ’) like Word makes. Edit "
        "the file in a text editor, not in Word.",
    ),
    "hint_inner_quote": (
        ' Een " midden in een tekst sluit de tekst af. Zet de tekst tussen enkele '
        'aanhalingstekens (\'Wat is "goed"?\') of schrijf \\" voor een " in de tekst.',
        ' A " in the middle of a text ends the text. Put the text between single quote '
        'marks (\'What is "good"?\') or write \\" for a " inside the text.',
    ),
    "hint_illegal_char": (
        " Haal dit teken weg: het is onzichtbaar of hoort niet in een tekstbestand (is het bestand "
        "beschadigd, of komt de tekst uit een ander programma?). Een tab in een tekst schrijf je als \\t.",
        " Remove this character: it is invisible or does not belong in a text file (is the file "
        "damaged, or was the text pasted from another program?). Write a tab inside a text as \\t.",
    ),
    "hint_invisible_char": (
        " Op deze regel staat een onzichtbaar teken dat hier niet mag (een harde spatie of een "
        "byte-order mark, vaak uit Word of van kopiëren en plakken). Typ de regel opnieuw.",
        " This line holds an invisible character that is not allowed here (a non-breaking space or "
        "a byte-order mark, often from Word or from copy and paste). Type the line again.",
    ),
    "hint_inner_single_quote": (
        " Een ' midden in een tekst tussen enkele aanhalingstekens sluit de tekst af. Zet de tekst "
        "tussen dubbele aanhalingstekens (\"Wat is 'goed'?\").",
        " A ' in the middle of a text between single quote marks ends the text. Put the text "
        "between double quote marks (\"What is 'good'?\").",
    ),
    "hint_bracket": (
        " Sluit een lijst af met ] en een tabel tussen accolades met }}.",
        " Close a list with ] and a table between braces with }}.",
    ),
    "duplicate_key": (
        "de sleutel '{key}' staat twee keer in dezelfde tabel. Verwijder of hernoem de tweede.",
        "the key '{key}' appears twice in the same table. Remove or rename the second one.",
    ),
    "duplicate_table": (
        "de tabel [{table}] staat twee keer in dit bestand. Voeg ze samen tot één [{table}].",
        "the table [{table}] appears twice in this file. Merge them into one [{table}].",
    ),
    "toml_too_deep": (
        "de lijsten of tabellen zijn te diep in elkaar gezet. Controleer de haken [ ] en {{ }}.",
        "the lists or tables are nested too deeply. Check the brackets [ ] and {{ }}.",
    ),
    "windows_path": (
        "een backslash (\\) tussen dubbele aanhalingstekens verandert de tekst (\\t wordt een "
        "tab, \\n een nieuwe regel). Zet een Windows-pad tussen enkele aanhalingstekens "
        "('C:\\map\\bestand') of schrijf twee backslashes (\\\\).",
        "a backslash (\\) inside double quotes changes the text (\\t becomes a tab, \\n a new "
        "line). Put a Windows path between single quotes ('C:\\folder\\file') or write two "
        "backslashes (\\\\).",
    ),
    # What tomllib found, in words a course leader reads (English follows tomllib).
    "syntax_invalid_value": ("ongeldige waarde", "invalid value"),
    "syntax_expected_equals": ("na een sleutel hoort een '='", "expected '=' after a key"),
    "syntax_header": (
        "de naam van een tabel moet eindigen op ']'",
        "expected ']' at the end of a table's name",
    ),
    "syntax_array_header": ("[[...]] moet eindigen op ']]'", "expected ']]' at the end of [[...]]"),
    "syntax_statement": ("deze regel is niet te lezen", "this line cannot be read"),
    "syntax_unterminated": (
        "de tekst die hier begint, is niet afgesloten",
        "the text that starts here is not closed",
    ),
    "syntax_illegal_char": ("teken {char} mag hier niet staan", "illegal character {char}"),
    "syntax_unclosed_array": (
        "de lijst die hier begint, is niet afgesloten met ]",
        "the list that starts here is not closed with ]",
    ),
    "syntax_unclosed_table": (
        "de tabel die hier begint, is niet afgesloten met }}",
        "the table that starts here is not closed with }}",
    ),
    "syntax_backslash": (
        "een backslash (\\) die hier niet mag",
        "a backslash (\\) that is not allowed here",
    ),
    "syntax_overwrite": ("deze sleutel heeft al een waarde", "this key already has a value"),
    "syntax_after_value": (
        "na de waarde mag op deze regel niets meer staan (alleen commentaar na een #)",
        "nothing may follow the value on this line (only a comment after a #)",
    ),
    "syntax_key_char": (
        "een sleutel begint hier met een teken dat niet mag",
        "a key starts here with a character that is not allowed",
    ),
    "syntax_inline_duplicate": (
        "de sleutel {key} staat twee keer tussen {{ }}",
        "the key {key} appears twice between {{ }}",
    ),
    "syntax_date": ("ongeldige datum", "invalid date"),
    "syntax_other": ("{text}", "{text}"),
    # The shape of the data.
    "table_missing": (
        "de tabel [{table}] ontbreekt. Zet bovenaan het bestand een regel [{table}].",
        "the table [{table}] is missing. Put a line [{table}] at the top of the file.",
    ),
    "table_not_array": (
        "[{table}] moet [[{table}]] zijn, met twee paar vierkante haken: er kunnen er meer zijn.",
        "[{table}] must be [[{table}]], with two pairs of square brackets: there can be more.",
    ),
    "table_is_array": (
        "[[{table}]] moet [{table}] zijn, met één paar vierkante haken: er is er maar één.",
        "[[{table}]] must be [{table}], with one pair of square brackets: there is only one.",
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
        "'{key}' hoort niet bij een vraag van soort '{kind}'{where}. Haal het weg of kies een andere soort.",
        "'{key}' does not belong to a prompt of kind '{kind}'{where}. Remove it or choose another kind.",
    ),
    "wrong_type": (
        "'{key}' moet {expected} zijn, maar is {actual}{where}.",
        "'{key}' must be {expected}, but is {actual}{where}.",
    ),
    "empty_text": (
        "'{key}' is leeg{where}. Schrijf er een tekst in.",
        "'{key}' is empty{where}. Write some text in it.",
    ),
    "text_control": (
        "'{key}' bevat een onzichtbaar stuurteken ({char}){where}. Haal het weg: zulke tekens (als "
        "\\u001b of \\r geschreven) kunnen het scherm in de war brengen. Een nieuwe regel schrijf je "
        "als \\n, een tab als \\t.",
        "'{key}' holds an invisible control character ({char}){where}. Remove it: such characters "
        "(written as \\u001b or \\r) can confuse the screen. Write a new line as \\n, a tab as \\t.",
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
        "de id '{id}' komt al voor in {other}. Elke id moet uniek zijn in het pakket: kies hier een andere.",
        "the id '{id}' is already used in {other}. Every id must be unique in the pack: choose another one here.",
    ),
    "ref_unknown": (
        "'{ref}' in '{key}' bestaat niet{where}.{suggestion} Er zijn: {choices}.",
        "'{ref}' in '{key}' does not exist{where}.{suggestion} There are: {choices}.",
    ),
    "too_few": (
        "'{key}' heeft er minstens {minimum} nodig{where}. Voeg er meer toe.",
        "'{key}' needs at least {minimum}{where}. Add more.",
    ),
    "option_duplicate": (
        "de keuze '{id}' staat twee keer in 'options'{where}. Geef elke keuze een eigen id.",
        "the option '{id}' appears twice in 'options'{where}. Give each option its own id.",
    ),
    "scale_range": (
        "de schaal loopt van {min} tot {max}{where}; 'min' moet kleiner zijn dan 'max' en het verschil hooguit 10.",
        "the scale runs from {min} to {max}{where}; 'min' must be below 'max', at most 10 apart.",
    ),
    "language_unknown": (
        "taal '{language}' wordt niet ondersteund{where}. Kies 'nl' of 'en'.",
        "language '{language}' is not supported{where}. Choose 'nl' or 'en'.",
    ),
    "ui_placeholder": (
        "de tekst voor '{key}' gebruikt {{{name}}}, maar die bestaat hier niet.{choices}",
        "the text for '{key}' uses {{{name}}}, which does not exist here.{choices}",
    ),
    "ui_braces": (
        "de tekst voor '{key}' heeft een losse {{ of }}. Schrijf {{{{ of }}}} voor een accolade.",
        "the text for '{key}' has a stray {{ or }}. Write {{{{ or }}}} for a brace.",
    ),
    "no_paths": (
        "een vraag van soort 'paths' heeft loopbaanpaden nodig, maar paths.toml heeft er geen. "
        "Zet in paths.toml minstens één [[path]], of kies een andere soort vraag.",
        "a prompt of kind 'paths' needs career paths, but paths.toml has none. Put at least "
        "one [[path]] in paths.toml, or choose another kind of prompt.",
    ),
    "profile_no_prompts": (
        "profiel '{profile}' krijgt in stap '{step}' geen enkele vraag. Voeg een vraag toe "
        "zonder 'profiles', of met '{profile}' erin.",
        "profile '{profile}' gets no prompt at all in step '{step}'. Add a prompt without "
        "'profiles', or with '{profile}' in it.",
    ),
    "profile_no_paths": (
        "profiel '{profile}' ziet hier geen enkel loopbaanpad{where}. Zet meer paden in 'paths', "
        "of pas 'profiles' aan bij de paden in paths.toml.",
        "profile '{profile}' sees no career path here{where}. Put more paths in 'paths', or "
        "change 'profiles' of the paths in paths.toml.",
    ),
    "internal_error": (
        "er ging iets mis in loopbaan zelf ({error}). Dit is een fout in het programma, niet "
        "in je pakket; meld het alsjeblieft.",
        "something went wrong inside loopbaan ({error}). This is a bug in the program, not in "
        "your pack; please report it.",
    ),
    # The command line (`loopbaan list`, `loopbaan export`).
    "cli_list_title": ("Je trajecten in {folder}:", "Your trajecten in {folder}:"),
    "cli_list_empty": (
        "Je hebt nog geen trajecten in {folder}.\nBegin er een met het commando: loopbaan",
        "You have no trajecten yet in {folder}.\nStart one with the command: loopbaan",
    ),
    "cli_list_head": ("naam|profiel|voortgang|laatst bewerkt|id", "name|profile|progress|last edited|id"),
    "cli_list_damaged": ("beschadigd: {reason}", "damaged: {reason}"),
    "cli_list_export": (
        "Schrijf een roadmap met: loopbaan export NAAM-OF-ID",
        "Write a roadmap with: loopbaan export NAME-OR-ID",
    ),
    "cli_unknown": (
        "Er is geen traject '{name}' in {folder}. Bekijk je trajecten met: loopbaan list",
        "There is no traject '{name}' in {folder}. See your trajecten with: loopbaan list",
    ),
    "cli_damaged": (
        "Het traject '{name}' kan niet worden gelezen: {reason}. Het bestand is niet aangeraakt: {path}\n"
        "Open het in de app (loopbaan) om te zien wat je kunt doen.",
        "The traject '{name}' cannot be read: {reason}. The file was not touched: {path}\n"
        "Open it in the app (loopbaan) to see what you can do.",
    ),
    "cli_backup": (
        "Er is een reservekopie van de vorige versie: {path}",
        "There is a backup of the previous version: {path}",
    ),
    "cli_folder_error": (
        "De map met trajecten {folder} kan niet worden gelezen ({reason}). Kies een andere map met --data-dir.",
        "The folder with trajecten {folder} cannot be read ({reason}). Choose another folder with --data-dir.",
    ),
    "cli_pack_problems": (
        "Het inhoudspakket van dit traject ({folder}) heeft fouten; los ze op of kies een ander pakket met "
        "--content MAP.",
        "This traject's content pack ({folder}) has problems; fix them or choose another pack with --content PATH.",
    ),
    "cli_profile_unknown": (
        "Het traject hoort bij het profiel '{profile}', maar dat staat niet in het pakket {pack}. "
        "Gebruik het pakket waarmee je het traject begon (--content MAP).",
        "The traject belongs to the profile '{profile}', which is not in the pack {pack}. "
        "Use the pack you started the traject with (--content PATH).",
    ),
    "cli_exists_hint": (
        "Gebruik --force om het te vervangen, of kies een andere naam met --out.",
        "Use --force to replace it, or choose another name with --out.",
    ),
    "cli_written": ("Roadmap geschreven: {path}", "Roadmap written: {path}"),
    "cli_internal": (
        "Er ging iets mis in loopbaan ({error}). Je trajecten zijn niet veranderd.",
        "Something went wrong in loopbaan ({error}). Your trajecten were not changed.",
    ),
    # Writing a roadmap file.
    "write_exists": ("Het bestand {path} bestaat al.", "The file {path} already exists."),
    "write_folder_missing": (
        "De map {folder} bestaat niet. Kies een bestaande map, of maak de map eerst aan.",
        "The folder {folder} does not exist. Choose a folder that exists, or create it first.",
    ),
    "write_is_folder": (
        "{path} is een map, geen bestand. Geef een bestandsnaam op.",
        "{path} is a folder, not a file. Give a file name.",
    ),
    "write_unwritable": (
        "In de map {folder} mag loopbaan niet schrijven. Kies een andere map, bijvoorbeeld je map Documenten.",
        "loopbaan may not write in the folder {folder}. Choose another folder, for example your Documents.",
    ),
    "write_disk_full": (
        "De schijf is vol. Maak ruimte vrij, of bewaar de roadmap op een andere schijf.",
        "The disk is full. Free some space, or save the roadmap on another disk.",
    ),
    "write_bad_name": (
        "De naam {name} kan hier niet: te lang, of met tekens die niet mogen. Kies een kortere, eenvoudige naam.",
        "The name {name} cannot be used here: too long, or with characters that are not allowed. "
        "Choose a shorter, simple name.",
    ),
    "write_other": (
        "De roadmap kon niet worden bewaard in {path} ({reason}). Kies een andere plek.",
        "The roadmap could not be saved as {path} ({reason}). Choose another place.",
    ),
    # Small pieces the messages above are built from.
    "nothing": ("", ""),
    "in_prompt": (" (vraag '{id}')", " (prompt '{id}')"),
    "in_option": (" (vraag '{id}', keuze {number})", " (prompt '{id}', option {number})"),
    "in_item": (" ({table} nr. {number})", " ({table} no. {number})"),
    "in_table": (" (in [{table}])", " (in [{table}])"),
    "ui_choices": (" Mogelijk: {names}.", " Possible: {names}."),
    "ui_no_choices": (
        " Haal het weg: deze tekst heeft geen {{...}}.",
        " Remove it: this text has no {{...}}.",
    ),
    "fix_key": (" Haal de regel weg of controleer de spelling.", " Remove the line or check the spelling."),
    "fix_file": (
        " Haal het weg uit de map of geef het de goede naam.",
        " Move it out of the folder or give it the right name.",
    ),
    "did_you_mean": (" Bedoel je '{name}'?", " Did you mean '{name}'?"),
    "type_text": ("tekst", "text"),
    "type_texts": ("een lijst met teksten", "a list of texts"),
    "type_bool": ("true of false", "true or false"),
    "type_int": ("een geheel getal", "a whole number"),
    "is_text": ("tekst", "text"),
    "is_bool": ("true/false", "true/false"),
    "is_number": ("een getal", "a number"),
    "is_list": ("een lijst", "a list"),
    "is_table": ("een tabel", "a table"),
    "is_date": ("een datum of tijd", "a date or time"),
    "type_table": ("een tabel", "a table"),
    "type_tables": ("een lijst met tabellen", "a list of tables"),
    "type_options": ("een lijst als [{{ id = ..., label = ... }}]", "a list like [{{ id = ..., label = ... }}]"),
    # --- dates ---
    "better_unknown": (
        "onbekende waarde '{value}' voor 'better'{where}.{suggestion} Kies 'high' (een hoog cijfer is "
        "beter, zoals bij werkplezier), 'low' (een laag cijfer is beter, zoals bij werkdruk) of 'neither' "
        "(geen van beide kanten is beter; hetzelfde als 'better' weglaten).",
        "unknown value '{value}' for 'better'{where}.{suggestion} Choose 'high' (a high score is better, "
        "as for work joy), 'low' (a low score is better, as for workload) or 'neither' (neither end is "
        "better; the same as leaving 'better' out).",
    ),
    # --- cli: the command line and writing a roadmap (branch cli) ---
    "cli_format_mismatch": (
        "Het bestand {name} eindigt op {suffix}, maar je vroeg om --format {format}. Laat --format weg "
        "(dan past het formaat bij de naam), of noem het bestand bijvoorbeeld {fixed}.",
        "The file {name} ends in {suffix}, but you asked for --format {format}. Leave out --format "
        "(the format then follows the name), or call the file {fixed}, for example.",
    ),
    "write_not_a_file": (
        "{path} is geen gewoon bestand (maar bijvoorbeeld een apparaat of een pipe); loopbaan schrijft "
        "alleen gewone bestanden en vervangt dit niet. Kies een andere naam.",
        "{path} is not an ordinary file (but a device or a pipe, for example); loopbaan writes only "
        "ordinary files and does not replace this one. Choose another name.",
    ),
    "write_read_only": (
        "Het bestand {path} is alleen-lezen (of een ander programma houdt het vast); loopbaan vervangt het "
        "niet. Kies een andere naam, of maak het bestand eerst schrijfbaar.",
        "The file {path} is read-only (or another program holds it); loopbaan does not replace it. "
        "Choose another name, or make the file writable first.",
    ),
    "write_parent_is_file": (
        "{folder} is een bestand, geen map, dus daarin kan de roadmap niet. Kies een bestaande map.",
        "{folder} is a file, not a folder, so the roadmap cannot go inside it. Choose a folder that exists.",
    ),
    "write_name_too_long": (
        "De naam {name} is te lang ({length} tekens). Kies een kortere naam, bijvoorbeeld {shorter}.",
        "The name {name} is too long ({length} characters). Choose a shorter name, for example {shorter}.",
    ),
    "write_path_too_long": (
        "Het pad naar {name} is te lang: de mappen liggen te diep. Kies een map dichter bij het begin, "
        "bijvoorbeeld je map Documenten.",
        "The path to {name} is too long: the folders are nested too deeply. Choose a folder nearer the top, "
        "for example your Documents.",
    ),
    "cli_did_you_mean": ("Bedoel je {names}?", "Did you mean {names}?"),
    "cli_or": ("of", "or"),
    "cli_several": (
        "Er zijn {count} trajecten die '{name}' heten; kies er een met zijn id:",
        "There are {count} trajecten called '{name}'; choose one by its id:",
    ),
    "cli_several_hint": ("Bijvoorbeeld: loopbaan export {id}", "For example: loopbaan export {id}"),
    # The command line's help (argparse formats these with %, so a percent sign is written %%).
    "cli_help_description": (
        "loopbaan: denk na over je loopbaan als leraar, in vijf vragen. Zonder commando start de app.",
        "loopbaan: reflect on your career as a teacher, in five questions. Without a command the app starts.",
    ),
    "cli_help_epilog": (
        "Meer uitleg over een commando: loopbaan COMMANDO --help. Afsluitcodes: 0 gelukt, 1 er klopt iets "
        "niet aan je invoer (de melding zegt wat), 2 verkeerd gebruik.",
        "More about a command: loopbaan COMMAND --help. Exit codes: 0 success, 1 something in your input is "
        "wrong (the message says what), 2 wrong usage.",
    ),
    "cli_more_help": ("Meer uitleg: {prog} --help", "More help: {prog} --help"),
    "cli_metavar_folder": ("MAP", "PATH"),
    "cli_metavar_file": ("BESTAND", "FILE"),
    "cli_metavar_command": ("COMMANDO", "COMMAND"),
    "cli_help_version": ("toon het versienummer en stop", "show the version number and exit"),
    "cli_help_lang": (
        "de taal: nl (Nederlands, standaard) of en (Engels)",
        "the language: nl (Dutch, the default) or en (English)",
    ),
    "cli_help_data_dir": (
        "de map met je trajecten (of $LOOPBAAN_DATA_DIR)",
        "the folder with your trajecten (or $LOOPBAAN_DATA_DIR)",
    ),
    "cli_help_content": (
        "een eigen inhoudspakket (de map met de TOML-bestanden) in plaats van het ingebouwde",
        "your own content pack (the folder with the TOML files) instead of the built-in one",
    ),
    "cli_help_check": ("controleer een inhoudspakket", "check a content pack"),
    "cli_help_check_description": (
        "Controleer een inhoudspakket zonder de app te starten: één regel per probleem, afsluitcode 1 als er "
        "iets mis is.",
        "Check a content pack without starting the app: one line per problem, exit code 1 when something is wrong.",
    ),
    "cli_help_check_path": ("de map van het pakket", "the pack's folder"),
    "cli_help_list": ("toon je trajecten", "list your trajecten"),
    "cli_help_list_description": (
        "Toon je trajecten, het laatst bewerkte eerst, met hun id.",
        "List your trajecten, the last edited first, with their ids.",
    ),
    "cli_help_export": ("schrijf de roadmap van een traject", "write a traject's roadmap"),
    "cli_help_export_description": (
        "Schrijf de roadmap van een traject naar een bestand, zonder de app. Een bestaand bestand wordt "
        "alleen vervangen met --force.",
        "Write a traject's roadmap to a file, without the app. An existing file is replaced only with --force.",
    ),
    "cli_help_traject": (
        "de naam of het id van het traject (zie: loopbaan list)",
        "the traject's name or id (see: loopbaan list)",
    ),
    "cli_help_out": (
        "het bestand of de map om in te schrijven (standaard: hier); - schrijft naar het scherm",
        "the file or folder to write to (default: here); - writes to standard output",
    ),
    "cli_help_format": (
        "md of html; zonder --format volgt het de naam van het bestand (.md, .html), anders md",
        "md or html; without --format it follows the file's name (.md, .html), else md",
    ),
    "cli_help_include_empty": ("toon lege vragen als open vragen", "show empty prompts as open questions"),
    "cli_help_include_private": ("neem ook privé-antwoorden op", "include private answers too"),
    "cli_help_force": (
        "vervang een bestaand gewoon bestand",
        "replace an existing ordinary file",
    ),
    # argparse's own phrases: the English is argparse's text exactly (Python 3.11 and later).
    "argparse_usage": ("gebruik: ", "usage: "),
    "argparse_error": ("%(prog)s: fout: %(message)s\n", "%(prog)s: error: %(message)s\n"),
    "argparse_positionals": ("argumenten", "positional arguments"),
    "argparse_options": ("opties", "options"),
    "argparse_help": ("toon deze hulptekst en stop", "show this help message and exit"),
    "argparse_argument": ("bij %(argument_name)s: %(message)s", "argument %(argument_name)s: %(message)s"),
    "argparse_required": ("dit ontbreekt nog: %s", "the following arguments are required: %s"),
    "argparse_one_of": ("een van deze is nodig: %s", "one of the arguments %s is required"),
    "argparse_unrecognized": ("onbekende optie of waarde: %s", "unrecognized arguments: %s"),
    "argparse_invalid_choice": (
        "ongeldige keuze: %(value)r (kies uit %(choices)s)",
        "invalid choice: %(value)r (choose from %(choices)s)",
    ),
    "argparse_invalid_value": ("ongeldige waarde: %(value)r", "invalid %(type)s value: %(value)r"),
    "argparse_unknown_parser": (
        "onbekend commando %(parser_name)r (kies uit %(choices)s)",
        "unknown parser %(parser_name)r (choices: %(choices)s)",
    ),
    "argparse_expected_one": ("hier hoort een waarde achter", "expected one argument"),
    "argparse_expected_at_most_one": ("hier hoort hooguit één waarde achter", "expected at most one argument"),
    "argparse_expected_at_least_one": ("hier hoort minstens één waarde achter", "expected at least one argument"),
    "argparse_expected_n": ("hier hoort %s waarde achter", "expected %s argument"),
    "argparse_expected_n_plural": ("hier horen %s waarden achter", "expected %s arguments"),
    "argparse_ambiguous": (
        "onduidelijke optie: %(option)s kan %(matches)s zijn",
        "ambiguous option: %(option)s could match %(matches)s",
    ),
    "argparse_not_allowed": ("mag niet samen met %s", "not allowed with argument %s"),
    "argparse_ignored": ("hier hoort geen waarde achter: %r", "ignored explicit argument %r"),
    "argparse_unexpected": ("onverwachte optie: %s", "unexpected option string: %s"),
    # --- storage ---
    "cli_list_progress": ("{answered}/{total} beantwoord", "{answered}/{total} answered"),
    "cli_list_unchecked": ("groot bestand, wordt nagekeken bij openen", "large file, checked when opened"),
    "cli_list_link": ("koppeling naar {target}: niet gelezen", "link to {target}: not read"),
    "cli_folder_is_file": (
        "{folder} is een bestand, geen map. Kies een map voor je trajecten met --data-dir MAP (of "
        "LOOPBAAN_DATA_DIR), of zet dit bestand ergens anders neer.",
        "{folder} is a file, not a folder. Choose a folder for your trajecten with --data-dir PATH (or "
        "LOOPBAAN_DATA_DIR), or move this file elsewhere.",
    ),
    "cli_folder_is_special": (
        "{folder} is geen map maar een apparaat of een speciaal bestand (zoals /dev/null of een pipe). Kies een "
        "gewone map voor je trajecten met --data-dir MAP (of LOOPBAAN_DATA_DIR).",
        "{folder} is not a folder but a device or a special file (such as /dev/null or a pipe). Choose an "
        "ordinary folder for your trajecten with --data-dir PATH (or LOOPBAAN_DATA_DIR).",
    ),
    # --- content ---
    "profile_no_core": (
        "profiel '{profile}' krijgt in stap '{step}' geen kernvraag voor de korte route. Dit pakket wijst "
        "kernvragen aan (core = true), dus elke stap heeft er per profiel minstens één nodig. Zet core = true bij "
        "een vraag in deze stap die '{profile}' te zien krijgt, of haal core = true overal weg.",
        "profile '{profile}' gets no core prompt for the short route in step '{step}'. This pack marks core "
        "prompts (core = true), so every step needs at least one for each profile. Put core = true on a prompt "
        "in this step that '{profile}' sees, or remove core = true everywhere.",
    ),
    "byline_unknown": (
        "onbekende waarde '{value}' voor 'byline'{where}.{suggestion} Kies 'name' (wie de roadmap schreef), "
        "'school' (de school of opleiding) of 'reader' (voor wie: de tutor, coach of leidinggevende).",
        "unknown value '{value}' for 'byline'{where}.{suggestion} Choose 'name' (who wrote the roadmap), "
        "'school' (the school or course) or 'reader' (for whom: the tutor, coach or manager).",
    ),
    "byline_duplicate": (
        "byline = '{value}' staat al bij een andere vraag ({other}){where}. Elke waarde mag maar bij één vraag "
        "staan; haal hem hier of daar weg.",
        "byline = '{value}' is already on another prompt ({other}){where}. Each value may be on one prompt "
        "only; remove it here or there.",
    ),
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


def argparse_phrases(lang: str) -> dict[str, str]:
    """argparse's English phrases mapped to `lang` (themselves for English), for its gettext lookups."""
    return {en: en if lang == "en" else nl for code, (nl, en) in _MESSAGES.items() if code.startswith("argparse_")}
