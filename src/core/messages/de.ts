// Die deutschen Wörter für jeden Meldungscode: für das Terminal, die JSON-Ausgabe und den Bericht.
import type { Status } from '../status.js';
import type { MessageWords } from './codes.js';
import { cliDe } from './de-cli.js';
import { reportDe } from './de-report.js';
import type { Catalogue } from './types.js';

const list = (items: string[]) => items.map((i) => `\`${i}\``).join(', ');
const jahre = (list: number[]) => (list.length ? list.join(', ') : 'keine Jahre');
const where = (path: string) => (path ? `\`${path}\`` : 'die Datei');

const messages: MessageWords = {
  'file-unreadable': ({ reason }) => `die Datei kann nicht gelesen werden (${reason})`,
  'file-binary': () => 'das ist eine Binärdatei, kein Text',
  'yaml-syntax': ({ error, detail }) => `ungültiges YAML: ${yamlErrors[error] ?? detail}`,
  'yaml-aliases': ({ limit }) => `das YAML verwendet mehr als ${limit} Aliase`,
  'yaml-unknown-key': ({ key, path }) => `unbekannter Schlüssel \`${key}\`${path ? ` in \`${path}\`` : ''}`,
  'yaml-missing': ({ path, expected }) => `${where(path)} fehlt${expected ? ` (erwartet: ${expected})` : ''}`,
  'yaml-invalid-type': ({ path, expected }) => `${where(path)}: erwartet wird ${typeNames[expected] ?? expected}`,
  'yaml-invalid-value': ({ path, options }) => `${where(path)}: erwartet wird einer der Werte ${list(options)}`,
  'yaml-too-small': ({ path, minimum, what }) =>
    `${where(path)}: ${
      what === 'number'
        ? `mindestens ${minimum}`
        : what === 'length'
          ? `mindestens ${minimum} Zeichen`
          : `mindestens ${minimum} Einträge`
    }`,
  'yaml-too-big': ({ path, maximum, what }) =>
    `${where(path)}: ${
      what === 'number'
        ? `höchstens ${maximum}`
        : what === 'length'
          ? `höchstens ${maximum} Zeichen`
          : `höchstens ${maximum} Einträge`
    }`,
  'yaml-rule': ({ path, rule }) => `${where(path)}: ${schemaRules[rule]}`,
  'yaml-invalid': ({ path }) => `${where(path)} ist an dieser Stelle nicht gültig`,
  'project-no-indicators': () => 'das Projekt hat noch keine Indikatoren',
  'indicators-folder-missing': () => 'der Ordner indicators fehlt',
  'source-name-twin': ({ name }) =>
    `zwei Quellen heißen \`${name}\`, nur in anderer Groß- und Kleinschreibung; Tabellennamen unterscheiden sie nicht`,
  'indicator-duplicate-id': ({ id, other }) => `die Kennung \`${id}\` gibt es doppelt (auch in ${other})`,
  'indicator-unknown-field': ({ field }) => `unbekanntes Handlungsfeld \`${field}\``,
  'indicator-unknown-table': ({ table }) => `unbekannte Tabelle \`${table}\``,
  'indicator-needs-denominator': ({ unit }) => `die Einheit \`${unit}\` braucht einen Nenner (\`denominator\`)`,
  'indicator-count-no-denominator': ({ unit }) => `die Einheit \`${unit}\` hat keinen Nenner (\`denominator\`)`,
  'indicator-by-period': ({ column, table }) =>
    `\`${column}\` ist die Periodenspalte der Tabelle \`${table}\`: jedes Ergebnis gilt ohnehin je Jahr`,
  'indicator-group-not-in-by': ({ column }) => `die Gruppenspalte \`${column}\` muss auch unter \`by\` stehen`,
  'indicator-weighted-two-tables': () =>
    'ein gewichteter Indikator (Befragung) nimmt Zähler und Nenner aus derselben Tabelle',
  'target-not-after-baseline': ({ year, baseline }) =>
    `das Zieljahr ${year} liegt nicht nach dem Ausgangsjahr ${baseline}`,
  'target-group-without-groups': ({ group }) =>
    `Ziel für die Gruppe \`${group}\`, aber der Indikator nennt keine Gruppen (\`groups\`)`,
  'target-gap-without-groups': () => 'ein Ziel für den Abstand braucht `groups` (Vergleichsgruppe und Referenzgruppe)',
  'target-duplicate': ({ item }) =>
    `ein zweites Ziel für dasselbe Jahr, dieselbe Gruppe und dieselbe Art (das erste ist Eintrag ${item})`,
  'map-unreadable': ({ file, reason }) => `die Gebietsgrenzen ${file} können nicht gelesen werden: ${reason}`,
  'map-not-geojson': ({ file }) => `${file} ist keine GeoJSON-FeatureCollection`,
  'map-feature-property': ({ feature, file, property }) =>
    `Gebiet ${feature} in ${file} hat keine Eigenschaft \`${property}\``,
  'source-file-missing': ({ file, source }) => `die Datei ${file} der Quelle \`${source}\` gibt es nicht`,
  'source-file-empty': () => 'die Datei ist leer',
  'source-no-rows': () => 'die Datei hat keine Datenzeilen',
  'sources-missing': ({ count }) => `${count} Datendateien fehlen oder sind leer:`,
  'db-not-duckdb': () => 'diese Datei ist keine DuckDB-Datenbank, und das Laden würde sie ersetzen',
  'db-in-use': ({ pid }) => `die Datenbank wird gerade benutzt: Prozess ${pid} lädt hinein`,
  'db-is-folder': () => 'das ist ein Ordner, keine Datenbankdatei',
  'db-lock-failed': () => 'die Sperre für das Laden lässt sich nicht setzen',
  'db-unopenable': ({ detail }) => `die Datenbank lässt sich nicht öffnen (${detail})`,
  'header-mojibake': ({ cell }) =>
    `die Kopfzeile enthält \`${cell}\`; das sieht nach UTF-8-Text aus, der mit der falschen Kodierung gelesen wurde`,
  'cell-mojibake': ({ column, cell }) =>
    `die Spalte \`${column}\` enthält \`${cell}\`; das sieht nach UTF-8-Text aus, der mit der falschen Kodierung ` +
    `gelesen wurde`,
  'column-not-in-file': ({ column, file }) => `die Spalte \`${column}\` gibt es in ${file} nicht`,
  'key-column-not-in-file': ({ column, file }) => `die Schlüsselspalte \`${column}\` gibt es in ${file} nicht`,
  'weight-invalid': ({ column, cell }) =>
    `die Gewichtungsspalte \`${column}\` enthält ${cell === null ? 'eine leere Zelle' : `\`${cell}\``}`,
  'key-twice': ({ key, times, first, second }) =>
    `der Schlüssel ${key} kommt ${times}-mal vor${first !== null ? ` (Zeilen ${first} und ${second})` : ''}`,
  'year-column-clash': () => 'die Datei hat schon eine Spalte `year`',
  'year-invalid': ({ column, cell }) =>
    `die Jahresspalte \`${column}\` enthält ${cell === null ? 'eine leere Zelle' : `\`${cell}\``}`,
  'codes-column-missing': ({ column, file }) =>
    `für die Spalte \`${column}\` sind Codes angegeben, aber es gibt sie in ${file} nicht`,
  'answer-code-undeclared': ({ column, answer }) =>
    `Spalte \`${column}\`: der Antwortcode \`${answer}\` ist nicht angegeben`,
  'genesis-no-data': () => 'in dieser GENESIS-Tabelle wurden keine Datenzeilen gefunden',
  'genesis-no-header': () => 'über den Daten wurden keine Spaltenköpfe gefunden',
  'genesis-dimensions': ({ levels, named }) =>
    `die Tabelle hat ${levels} Kopfebene(n) über den Werten, aber genesis.dimensions nennt ${named}`,
  'csv-unreadable': ({ detail }) => `die CSV-Datei kann nicht gelesen werden: ${detail}`,
  'cell-type': ({ column, expected, cell }) =>
    `Spalte \`${column}\`: erwartet wird ${types[expected]}, gefunden \`${cell}\``,
  'cell-not-number': ({ column, signs, cell }) =>
    `Spalte \`${column}\`: erwartet wird eine ` +
    `Zahl${signs.length ? ` oder eines der Zeichen ${signs.join(' ')}` : ''}, gefunden \`${cell}\``,
  'parquet-unreadable': ({ detail, folder }) =>
    `${folder ? 'die Parquet-Dateien können' : 'die Parquet-Datei kann'} nicht gelesen werden: ${detail}`,
  'header-missing': () => 'keine Kopfzeile',
  'column-twice': ({ column, first, firstIndex }) =>
    `die Spalte \`${column}\` steht zweimal in der Kopfzeile${
      first !== null
        ? ` (als \`${first}\` in Spalte ${firstIndex}; Namen unterscheiden Groß- und Kleinschreibung nicht)`
        : ''
    }`,
  'column-declared-missing': ({ column, file }) =>
    `die Spalte \`${column}\` ist angegeben, steht aber nicht in ${file}`,
  'columns-undeclared': ({ columns, file }) =>
    `${columns.length > 1 ? 'die Spalten' : 'die Spalte'} ${list(columns)} in ${file} ` +
    `${columns.length > 1 ? 'sind' : 'ist'} nicht angegeben`,
  'inspect-no-file': () => 'diese Datei gibt es nicht',
  'inspect-unreadable': () => 'die Datei lässt sich nicht als CSV lesen',
  'table-not-loaded': ({ table }) => `die Tabelle \`${table}\` ist nicht geladen`,
  'by-column-missing': ({ column, table }) =>
    `die Aufgliederungsspalte \`${column}\` gibt es in der Tabelle \`${table}\` nicht`,
  'weight-column-missing': ({ column, table }) =>
    `die Gewichtungsspalte \`${column}\` gibt es in der Tabelle \`${table}\` nicht`,
  'sql-semicolon': () => 'ein `;` ist im Indikator-SQL nicht erlaubt',
  'sql-not-aggregate': ({ expr }) => `\`${expr}\` ist keine Aggregatfunktion`,
  'sql-binding': ({ part, table, detail }) =>
    `${part === 'expr' ? 'der Ausdruck' : 'der Filter'} passt nicht zur Tabelle \`${table}\`: ${detail}`,
  'sql-weighted-form': ({ expr }) =>
    `ein gewichteter Indikator braucht \`count(*)\` oder \`sum(…)\`, gefunden \`${expr}\``,
  'group-not-in-data': ({ group, column, table }) =>
    `die Gruppe \`${group}\` kommt in der Spalte \`${column}\` der Tabelle \`${table}\` nicht vor`,
  'keys-mismatch': ({ column, values, numerator, denominator }) =>
    `Zähler und Nenner passen in \`${column}\` nicht zusammen: ${list(values)} aus der Tabelle \`${numerator}\` ` +
    `fehlt in der Tabelle \`${denominator}\``,
  'keys-mismatch-cells': () => 'Zähler und Nenner passen nicht zusammen: der Zähler hat Zellen, die dem Nenner fehlen',
  'compute-failed': ({ detail }) => `die Berechnung ist nicht möglich: ${detail}`,
  // Indicator SQL allow list (issue 11)
  'sql-syntax': ({ part, detail }) => `${sqlPart[part]} ist kein gültiges SQL: ${detail}`,
  'sql-shape': ({ clause }) =>
    `erlaubt ist nur ein einzelner Ausdruck: \`${clause}\` würde die Abfrage verändern, in die istsoll ihn einsetzt`,
  'sql-construct-refused': ({ construct }) => `${sqlConstructs[construct]} ist im Indikator-SQL nicht erlaubt`,
  'sql-function-refused': ({ name, why }) =>
    /^[a-z_]/i.test(name)
      ? `die Funktion \`${name}\` ist im Indikator-SQL nicht erlaubt${sqlRefusedWhy[why]}`
      : `der Operator \`${name}\` ist im Indikator-SQL nicht erlaubt ` +
        '(er steht nicht auf der Liste der erlaubten Operatoren)',
  'sql-aggregate-in-filter': ({ name }) => `die Aggregatfunktion \`${name}\` ist im Filter nicht erlaubt`,
  'sql-aggregate-nested': ({ name }) =>
    `die Aggregatfunktion \`${name}\` steht innerhalb einer anderen Aggregatfunktion; das ist nicht erlaubt`,
  'sql-column-unknown': ({ column, table }) => `die Spalte \`${column}\` gibt es in der Tabelle \`${table}\` nicht`,
  'sql-other-table': ({ name, table }) =>
    `\`${name}\` verweist auf eine andere Tabelle: erlaubt sind nur die Spalten der Tabelle \`${table}\``,
  'sql-cast-refused': ({ type }) => `die Umwandlung in den Typ \`${type}\` ist im Indikator-SQL nicht erlaubt`,
  'sql-collation-refused': ({ collation }) => `die Sortierfolge \`${collation}\` ist im Indikator-SQL nicht erlaubt`,
  'sql-trailing-comment': ({ part }) =>
    `${sqlPart[part]} endet mit einem \`--\`-Kommentar, der den Rest der Abfrage verschlucken würde`,
  'sql-function-redefined': ({ name }) =>
    `die Datenbank ersetzt die eingebaute Funktion \`${name}\` durch eine eigene (ein Makro); ` +
    'istsoll legt nie eigene Funktionen an, die Datenbankdatei wurde also außerhalb von istsoll verändert',
  'hint-sql-allowed': () =>
    'welche Funktionen und Ausdrücke erlaubt sind, steht in docs/analysts.md ' +
    'im Abschnitt „Was Indikator-SQL enthalten darf“',
  'hint-sql-one-expression': () =>
    'schreiben Sie unter expr einen einzelnen Ausdruck wie sum(<Spalte>) und unter filter eine einzelne ' +
    'Bedingung, ohne `;` und ohne Klauseln wie GROUP BY oder UNION',
  'hint-sql-one-table': () =>
    'Indikator-SQL rechnet nur mit den Spalten der eigenen Tabelle; ' +
    'eine zweite Tabelle gehört als Nenner (denominator) in die Indikatordatei',
  'hint-sql-session': () =>
    'Datum, Uhrzeit und Sitzungswerte ändern sich von Lauf zu Lauf: ' +
    "schreiben Sie ein festes Datum, etwa DATE '2024-12-31'",
  'hint-sql-casts': () =>
    'erlaubt sind BOOLEAN, die ganzzahligen Typen, FLOAT, DOUBLE, DECIMAL, VARCHAR, DATE und TIMESTAMP',
  'hint-sql-filter-rows': () =>
    'der Filter wählt die Zeilen aus, bevor gerechnet wird: ' +
    'Aggregatfunktionen gehören unter expr (dort auch mit FILTER (WHERE …))',
  'hint-sql-comment': () =>
    'schreiben Sie den Kommentar als YAML-Kommentar (# …) auf eine eigene Zeile, oder als /* … */ in das SQL',
  'hint-sql-rebuild-database': () =>
    'löschen Sie die Datenbankdatei (.istsoll/istsoll.duckdb oder die mit --db angegebene) ' +
    'und laden Sie die Daten neu mit `istsoll load`',
  'option-invalid': ({ option }) => `die Option ${option} hat einen Wert, der nicht verwendbar ist (etwa einen leeren)`,
  'option-path-empty': ({ option }) => `die Option ${option} nennt keinen Pfad: ihr Wert ist leer`,
  'hint-option-path': ({ option }) =>
    `geben Sie nach ${option} einen Datei- oder Ordnernamen an, oder lassen Sie die Option weg`,
  'init-not-empty': () => 'der Ordner ist nicht leer',
  'indicator-unknown': ({ id }) => `einen Indikator \`${id}\` gibt es nicht`,
  'target-not-single': ({ year, group, kind, range }) =>
    `das Ziel für ${year}${group ? ` (${group})` : ''} ist ` +
    `${kind === 'range' ? `ein Bereich [${range?.join(', ')}]` : 'eine Richtung (trend: true)'}, kein einzelner Wert`,
  'targets-not-list': () => '`targets` ist keine Liste',
  'pdf-no-chromium': ({ path }) =>
    path
      ? `das PDF kann nicht gedruckt werden: CHROMIUM_PATH zeigt auf ${path}, und das ist kein ausführbares Programm`
      : 'das PDF kann nicht gedruckt werden: Chromium oder Chrome ist nicht installiert',
  'pdf-no-playwright': () => 'das PDF kann nicht gedruckt werden: das Paket playwright-core fehlt',
  'value-denominator-zero': () => 'der Nenner ist null',
  'value-suppressed-count': ({ min }) => `nicht ausgewiesen: eine Fallzahl unter ${min}`,
  'value-suppressed-respondents': ({ min }) => `nicht ausgewiesen: weniger als ${min} Befragte`,
  'value-suppressed-secondary': () => 'nicht ausgewiesen: der Wert würde einen verborgenen Nachbarwert verraten',
  'value-few-respondents': ({ n }) => `nur ${n} Befragte: mit Vorsicht zu lesen`,
  'value-source-missing': ({ reasons }) => `nicht berechenbar: Wert der Quelle ${reasons.map(sign).join('; ')}`,
  'value-source-flags': ({ flags }) => `enthält Werte mit dem Vermerk ${flags.map(sign).join('; ')}`,
  'rating-no-data': () => 'keine Daten',
  'rating-too-few-years': () => 'seit dem Ausgangsjahr gibt es weniger als zwei Jahre mit Daten',
  'rating-no-baseline-value': () => 'kein Wert im Ausgangsjahr oder danach',
  'rating-target-before-base': () => 'das Zieljahr liegt nicht nach dem Ausgangsjahr',
  'rating-opposite-signs-latest': () => 'Ausgangswert und aktueller Wert haben verschiedene Vorzeichen',
  'rating-opposite-signs-target': () => 'Ausgangswert und Zielwert haben verschiedene Vorzeichen',
  'rating-too-few-consecutive': () => 'weniger als vier aufeinanderfolgende Jahreswerte in den letzten sechs Jahren',
  'rating-met-trend-away': () => 'das Ziel ist derzeit erreicht, aber der Trend entfernt sich davon',
  'rating-within-margin-achieved': () => 'der Schätzwert erreicht das Ziel, aber nur innerhalb der Fehlerspanne',
  'rating-within-margin-decline': () => 'der Rückgang liegt innerhalb der Fehlerspanne',
  'rating-too-few-years-any': () => 'weniger als zwei Jahre mit Daten',
  'rating-met-setback': () => 'das Ziel ist erreicht, aber das letzte Jahr war ein Rückschritt',
  // Daten, wie Städte sie bekommen (issue 10)
  'source-binary': ({ kind }) =>
    `das ist kein CSV-Text, sondern ${
      {
        zip: 'ein Zip-Archiv (eine Excel-Tabelle .xlsx oder .ods?)',
        xls: 'eine alte Excel-Datei .xls',
        pdf: 'ein PDF-Dokument',
        parquet: 'eine Parquet-Datei',
        gzip: 'ein gzip-Archiv',
        'utf-16': 'UTF-16-Text ohne Bytereihenfolgemarke',
      }[kind] ?? 'eine Binärdatei'
    }`,
  'header-control': ({ column }) => `die Kopfzeile enthält in Spalte ${column} ein Steuerzeichen`,
  'cell-control': ({ column }) =>
    `die Spalte \`${column}\` enthält in einer Textzelle ein Steuerzeichen (etwa ein NUL-Byte)`,
  'csv-line-too-long': ({ limit }) =>
    `eine Zeile ist länger als ${limit.toLocaleString('de')} Bytes: das ist keine Zeile einer Tabelle`,
  'csv-unterminated-quote': () =>
    'hier beginnt eine Zelle in Anführungszeichen, die nie endet: das schließende " fehlt',
  'csv-field-count': ({ found, expected }) => `diese Zeile hat ${found} Zellen, die Kopfzeile ${expected}`,
  'cell-not-integer': ({ column, cell }) =>
    `die Spalte \`${column}\` enthält ganze Zahlen, diese Zelle aber \`${cell}\``,
  'period-invalid': ({ column, cell }) =>
    `die Periodenspalte \`${column}\` enthält ${cell === null ? 'eine leere Zelle' : `\`${cell}\``}, und das ist ` +
    `weder Jahr noch Datum noch Schuljahr`,
  'value-cells-missing': ({ missing, cells }) => `${missing} von ${cells} Zellen der Quelle leer und nicht mitgezählt`,
  'value-cells-missing-refused': ({ missing, cells }) =>
    `nicht berechnet: ${missing} von ${cells} Zellen der Quelle leer`,
  'value-all-cells-missing': ({ cells }) => `nicht berechenbar: alle ${cells} Zellen der Quelle leer`,
  'unit-total-unweighted': () =>
    'die Einheit `total` rechnet Befragungsdaten auf die Bevölkerung hoch: sie braucht ein Gewicht (`weight`)',
  'value-share-over': () => 'der Zähler ist größer als der Nenner',
  'hint-total-weight': () =>
    'ergänzen Sie `weight: <Gewichtungsspalte>`, oder verwenden Sie für ein Register die Einheit `count`',
  'unit-count-weighted': () => 'eine gewichtete Anzahl ist eine hochgerechnete Summe: verwenden Sie `unit: total`',
  'target-percent-range': ({ value }) =>
    `ein Anteil kann nicht ${value} % sein: ein Ziel in Prozent liegt zwischen 0 und 100`,
  'no-shared-years': ({ numerator, denominator, numeratorYears, denominatorYears }) =>
    `Zähler und Nenner haben kein gemeinsames Jahr: \`${numerator}\` hat ${jahre(numeratorYears)}, ` +
    `\`${denominator}\` hat ${jahre(denominatorYears)}`,
  'no-shared-cells': ({ numerator, denominator, year }) =>
    `Zähler (\`${numerator}\`) und Nenner (\`${denominator}\`) haben ${year} keine gemeinsame Zelle`,
  'warn-negative': ({ table, column, cell }) =>
    `die Spalte \`${column}\` von \`${table}\` enthält eine negative Anzahl (${cell})`,
  'warn-thousands-ambiguous': ({ table, column, cell }) =>
    `die Spalte \`${column}\` von \`${table}\` enthält ganze Zahlen und Werte wie ${cell}: ist der Punkt ein ` +
    `Tausendertrennzeichen?`,
  'warn-share-over': ({ indicator, year, numerator, denominator }) =>
    `\`${indicator}\` ${year}: der Zähler (${numerator}) ist größer als der Nenner (${denominator})`,
  'warn-baseline-no-data': ({ indicator, year }) => `\`${indicator}\` hat im Ausgangsjahr ${year} keinen Wert`,
  'warnings-strict': ({ count }) =>
    `${count} ${count === 1 ? 'Warnung' : 'Warnungen'}, und --strict macht Warnungen zu Fehlern`,
  'hint-export-csv': () =>
    'exportieren Sie die Tabelle als CSV (UTF-8, `;` zwischen den Feldern) und lassen Sie `file:` darauf zeigen',
  'hint-parquet-name': () => 'benennen Sie die Datei .parquet, oder setzen Sie `format: parquet` in data/sources.yaml',
  'hint-utf16-bom': () => 'speichern Sie die Datei als UTF-8 (oder als UTF-16 mit Bytereihenfolgemarke)',
  'hint-control': () =>
    'entfernen Sie das Zeichen aus der Datei (in den meisten Editoren ist es unsichtbar) und laden Sie erneut',
  'hint-line-too-long': () =>
    'prüfen Sie, ob die Datei der erwartete CSV-Export ist und ihre Anführungszeichen paarweise stehen',
  'hint-unterminated-quote': () =>
    'schließen Sie das Anführungszeichen, oder entfernen Sie das einzelne " am Zellenanfang',
  'hint-field-count': () =>
    'prüfen Sie Trennzeichen und Anführungszeichen in dieser Zeile, oder geben Sie das Format in data/sources.yaml an',
  'hint-thousands': ({ separator }) =>
    `sieht nach einem Tausendertrennzeichen aus: setzen Sie \`thousands: "${separator}"\` (mit \`decimal: ` +
    `"${separator === '.' ? ',' : '.'}"\`) im Format der Quelle, oder geben Sie die Spalte als DOUBLE an`,
  'hint-declare-double': ({ column }) =>
    `korrigieren Sie die Zelle, oder geben Sie die Spalte als Zahl mit Nachkommastellen an (columns: { ${column}: ` +
    `DOUBLE })`,
  'hint-parquet-folder': () => 'der Ordner muss mindestens eine lesbare .parquet-Datei enthalten',
  'hint-period-forms': ({ first, last }) =>
    `eine Periode ist ein Jahr von ${first} bis ${last}, ein Datum (2016-12-31, 31.12.2016, 2016_12_31, 20161231) ` +
    `oder ein Schuljahr (2015/16)`,
  'hint-weighted-total': () =>
    'eine gewichtete Anzahl schätzt eine Gesamtzahl: schreiben Sie `unit: total` (mit Standardfehler)',
  'hint-percent-range': () => 'schreiben Sie das Ziel als Prozentzahl, etwa 55 für 55 %',
  'hint-shared-years': () =>
    'beide Tabellen brauchen Daten für dieselben Jahre und Zellen; prüfen Sie die Periodenspalten',
  'hint-check-source': () => 'prüfen Sie die Quelldatei; mit --strict hält istsoll bei solchen Befunden an',
  'hint-strict': () => 'die Warnungen stehen oben; ohne --strict wird trotzdem berechnet',
  // Nichts außerhalb des Projekts (issue 11)
  'source-outside': ({ file, source, folder }) =>
    `die Datei ${file} der Quelle \`${source}\` liegt außerhalb des Ordners ${folder}/ des Projekts (ein Pfad mit .. ` +
    `oder eine Verknüpfung)`,
  'source-folder-empty': ({ file }) => `der Ordner ${file} enthält keine .parquet-Dateien`,
  'hint-inside-data': () =>
    'kopieren Sie die Datei nach data/ und geben Sie sie relativ zu diesem Ordner an; Verknüpfungen aus data/ hinaus ' +
    'werden nicht verfolgt',
  'hint-did-you-mean': ({ word }) => `Meinten Sie \`${word}\`?`,
  'hint-allowed-keys': ({ keys }) => `erlaubt sind hier: ${keys.join(', ')}`,
  'hint-yaml-syntax': () => 'prüfen Sie Einrückung und Anführungszeichen in dieser Zeile',
  'hint-yaml-aliases': () => 'schreiben Sie die Werte aus, statt sie über Aliase (*name) zu wiederholen',
  'hint-binary': () => 'eine Projektdatei muss YAML-Text sein; wurde eine andere Datei unter diesem Namen gespeichert?',
  'hint-add-indicator': () =>
    'kopieren Sie eine Vorlage nach indicators/ (istsoll init legt zwei an) und rufen Sie dann istsoll validate auf',
  'hint-init': () => 'mit `istsoll init` ein Projekt anlegen, oder den Projektordner mit --project <Ordner> angeben',
  'hint-rename-one': () => 'benennen Sie eine der beiden um',
  'hint-unique-id': () => 'geben Sie jedem Indikator eine eigene Kennung',
  'hint-known-fields': ({ fields }) => `bekannte Handlungsfelder: ${fields.join(', ')}`,
  'hint-known-tables': ({ tables }) => `Tabellen in data/sources.yaml: ${tables.join(', ')}`,
  'hint-add-denominator': () => 'einen Nenner ergänzen oder die Einheit `count` verwenden',
  'hint-remove-from-by': () => 'nehmen Sie sie aus `by` heraus',
  'hint-add-to-by': ({ by }) => `ergänzen Sie sie: by: [${by.join(', ')}]`,
  'hint-target-after-baseline': () => 'ein Ziel liegt zeitlich nach seinem Ausgangsjahr',
  'hint-keep-one': () => 'behalten Sie eines davon',
  'hint-map-file': () => 'map.file nennt eine GeoJSON-Datei in data/',
  'hint-map-geojson': () => 'exportieren Sie die Ortsteilgrenzen als GeoJSON (WGS 84)',
  'hint-map-property': () => 'map.property nennt die Eigenschaft, in der die Ortsteilcodes stehen',
  'hint-source-path': () => 'prüfen Sie den Pfad: er gilt relativ zum Ordner data/',
  'hint-data-rows': ({ source }) => `erwartet werden eine Kopfzeile und Datenzeilen für die Quelle \`${source}\``,
  'hint-put-files': () => 'legen Sie die Dateien nach data/ oder korrigieren Sie `file:` in data/sources.yaml',
  'hint-db-path': () =>
    'prüfen Sie --db: die Option nennt die Datenbankdatei, die istsoll schreibt, z. B. .istsoll/istsoll.duckdb',
  'hint-wait-load': () => 'warten Sie, bis dieses Laden fertig ist, und versuchen Sie es dann erneut',
  'hint-remove-lock': () => 'löschen Sie die Sperrdatei, wenn gerade nichts geladen wird',
  'hint-run-load': () => 'rufen Sie zuerst `istsoll load` auf',
  'hint-utf8': ({ source }) =>
    `die Datei ist wahrscheinlich UTF-8: setzen Sie \`dialect: { encoding: utf-8 }\` für \`${source}\` in ` +
    `data/sources.yaml`,
  'hint-columns-found': ({ columns }) => `vorhandene Spalten: ${columns.join(', ')}`,
  'hint-weights': () => 'Befragungsgewichte müssen in jeder Zeile positive, endliche Zahlen sein',
  'hint-key-id': ({ column }) => `die Kennungsspalte \`${column}\` muss je Periode eindeutig sein`,
  'hint-key-declare': () =>
    'löschen Sie die doppelte Zeile, oder nennen Sie unter `key` in data/sources.yaml die Spalten, die die Zeilen ' +
    'unterscheiden',
  'hint-year-column': () => 'nennen Sie diese Spalte als Periodenspalte: year: year',
  'hint-year-values': () => 'erwartet wird in jeder Zeile ein Jahr wie 2024 oder ein Datum wie 31.12.2024',
  'hint-declare-codes': ({ column, codes }) =>
    `angegebene Codes: ${codes.join(', ')}; ergänzen Sie ihn unter codes.${column} in data/sources.yaml`,
  'hint-genesis-format': () =>
    'erwartet werden Zeilen, die mit einer Bezeichnung beginnen und mit Zahlen enden; ist es eine einfache ' +
    'CSV-Datei, setzen Sie `format: csv`',
  'hint-genesis-header-rows': () => 'setzen Sie `genesis.header_rows` in data/sources.yaml',
  'hint-genesis-dimensions': ({ names }) =>
    `nennen Sie eine Dimension je Ebene, von oben nach unten: [${names.join(', ')}]`,
  'hint-delimiter': () => 'prüfen Sie das Trennzeichen in data/sources.yaml',
  'hint-cell-type': ({ column }) =>
    `korrigieren Sie die Zelle, oder geben Sie den Typ der Spalte in data/sources.yaml an (columns: { ${column}: ` +
    `VARCHAR })`,
  'hint-dialect': () =>
    'prüfen Sie das Format (delimiter, decimal, skip, missing) in data/sources.yaml, oder rufen Sie `istsoll ' +
    'inspect` für die Datei auf',
  'hint-declare-sign': () =>
    'korrigieren Sie die Zelle, oder geben Sie das Zeichen unter `markers` in data/sources.yaml an',
  'hint-skip': ({ skip }) => `prüfen Sie \`skip: ${skip}\` in data/sources.yaml`,
  'hint-first-line': () => 'die erste Zeile muss die Spalten benennen',
  'hint-unique-columns': () => 'geben Sie jeder Spalte einen eigenen Namen',
  'hint-declare-columns': () =>
    'ergänzen Sie sie unter `columns` in data/sources.yaml, oder entfernen Sie sie aus der Datei',
  'hint-sql-example': () => 'zum Beispiel: expr: sum(<Spalte>), filter: "<Spalte> = \'<Wert>\'"',
  'hint-aggregate': () => 'erwartet wird eine Aggregatfunktion wie sum(<Spalte>) oder count(*)',
  'hint-filter-types': () => 'prüfen Sie, ob die Filter Spalten mit Werten ihres Typs vergleichen',
  'hint-weighted': () =>
    'die Gewichtung übernimmt istsoll: schreiben Sie die Aggregatfunktion so, als wären die Daten ungewichtet',
  'hint-column-values': ({ values }) => `die Spalte enthält: ${values.join(', ')}`,
  'hint-same-codes': ({ table, column, values }) =>
    `\`${table}\`.${column} enthält Werte wie ${list(values)}: beide Tabellen müssen dieselben Codes verwenden`,
  'hint-same-codes-by': () => 'beide Tabellen müssen in jeder `by`-Spalte dieselben Codes verwenden',
  'hint-new-folder': () => 'wählen Sie einen neuen Ordnernamen; init überschreibt nie eine Datei',
  'hint-targets-list': () => '`istsoll targets list` zeigt die Indikatoren',
  'hint-edit-target': () => 'ändern Sie dieses Ziel in der YAML-Datei und rufen Sie dann `istsoll validate` auf',
  'hint-install-chromium': () =>
    'installieren Sie Chromium (Debian/Ubuntu: `sudo apt-get install chromium`) oder setzen Sie CHROMIUM_PATH auf ' +
    'ein Chromium- oder Chrome-Programm; der HTML-Bericht wurde trotzdem geschrieben',
  'hint-npm-install': () => 'rufen Sie `npm install` im Ordner von istsoll auf',
  'hint-run-debug': () =>
    'rufen Sie den Befehl mit --debug erneut auf, um die technischen Details zu sehen, und melden Sie den Fehler bitte',
  // Sichere Änderungen an YAML-Dateien durch Befehle (targets set, measures set)
  'file-busy': ({ host, pid }) =>
    'die Datei wird gerade von einem anderen istsoll-Befehl geändert' +
    (pid !== null ? ` (Prozess ${pid} auf ${host})` : ''),
  'file-changed-meanwhile': () =>
    'die Datei wurde während der Änderung von einem anderen Programm verändert; istsoll hat nichts geschrieben',
  'file-unwritable': ({ reason }) => `die Datei kann nicht geschrieben werden (${reason})`,
  'yaml-edit-failed': () =>
    'diese Änderung lässt sich nicht vornehmen, ohne andere Teile der Datei zu berühren; ' +
    'die Datei bleibt, wie sie ist',
  'hint-file-busy': ({ lock }) =>
    `warten Sie, bis der andere Befehl fertig ist; läuft keiner mehr, löschen Sie die Sperrdatei ${lock}`,
  'hint-edit-again': () =>
    'ist die Datei noch in einem Editor geöffnet? Speichern oder schließen Sie sie dort ' +
    'und rufen Sie den Befehl erneut auf',
  'hint-file-permissions': () =>
    'prüfen Sie, ob Sie in diesem Ordner Dateien anlegen und ändern dürfen ' +
    '(istsoll legt dort kurz eine Sperrdatei an)',
  'hint-edit-by-hand': () => 'ändern Sie den Wert in der YAML-Datei und rufen Sie dann `istsoll validate` auf',
  // Maßnahmen: ihre Dateien und die Befehle measures list und measures set
  'measure-duplicate-id': ({ id, other }) => `die Maßnahme \`${id}\` gibt es doppelt (auch in ${other})`,
  'measure-date-invalid': ({ path, value }) => `${where(path)}: \`${value}\` ist kein gültiges Datum`,
  'measure-due-before-start': ({ due, start }) => `das Enddatum ${due} liegt vor dem Beginn ${start}`,
  'measure-status-unknown': ({ status }) => `unbekannter Stand \`${status}\``,
  'measure-unknown': ({ id }) => `eine Maßnahme \`${id}\` gibt es nicht`,
  'measure-set-nothing': () => 'nichts zu ändern: geben Sie --status, --note oder --milestone mit --done an',
  'milestone-needs-done': () => '--milestone und --done gehören zusammen: --milestone <Nummer oder Datum> --done',
  'milestone-unknown': ({ milestone, count }) =>
    `die Maßnahme hat keinen Meilenstein ${milestone} ` +
    `(${count === 0 ? 'sie hat keine' : count === 1 ? 'sie hat nur einen' : `sie hat ${count}`})`,
  'milestone-ambiguous': ({ date, count }) => `${count} Meilensteine dieser Maßnahme haben das Datum ${date}`,
  'hint-unique-measure-id': () => 'geben Sie jeder Maßnahme eine eigene Kennung, auch über die Dateien hinweg',
  'hint-plan-date': () => 'schreiben Sie ein Jahr (2026), einen Monat (2026-03) oder einen Tag (2026-03-14)',
  'hint-due-after-start': () => 'prüfen Sie `start` und `due`: eine Maßnahme endet nicht, bevor sie beginnt',
  'hint-measure-statuses': ({ statuses }) =>
    `möglich sind: ${statuses.join(', ')} (oder englisch: planned, running, done, delayed, suspended, dropped)`,
  'hint-measures-list': () => '`istsoll measures list` zeigt alle Maßnahmen',
  'hint-milestone': () =>
    'nennen Sie den Meilenstein mit seiner Nummer in der Liste (1 für den ersten) oder mit seinem Datum',
  'hint-add-key': ({ key }) => `ergänzen Sie \`${key}:\` an dieser Stelle`,
  // One verdict the council can follow (issue 14): what qualifies a status
  'rating-within-margin-progress': () => 'der Fortschritt liegt innerhalb der Fehlerspanne',
  'caveat-gap-reference-decline': ({ reference, year, status }) =>
    `nur, weil sich die Gruppe „${reference}“ seit ${year} verschlechtert hat; hätte sie ihren Wert von ${year} ` +
    `gehalten, lautete die Bewertung „${statusWords[status]}“`,
  // Robustheit (issue 11): wohin istsoll Berichte schreibt, und Stelle und Hinweis für jede fehlerhafte Eingabe
  'out-extension': () => 'istsoll schreibt Berichte nur als .html- oder .pdf-Datei',
  'out-project-folder': ({ folder }) =>
    `das liegt (nach Auflösen von Verknüpfungen) im Ordner ${folder}/ des Projekts, den istsoll liest: ` +
    'dorthin schreibt es nichts',
  'out-is-folder': () => 'das ist ein Ordner, kein Dateiname für den Bericht',
  'out-foreign': () => 'diese Datei gibt es schon, und istsoll hat sie nicht geschrieben: sie bleibt, wie sie ist',
  'map-outside': ({ file, folder }) =>
    `die Gebietsgrenzen ${file} liegen außerhalb des Ordners ${folder}/ des Projekts ` +
    '(ein Pfad mit .. oder eine Verknüpfung)',
  'csv-text-after-quote': () => 'eine Zelle in Anführungszeichen geht nach dem schließenden " weiter',
  'csv-not-utf8': () => 'diese Zeile enthält Bytes, die kein UTF-8 sind, obwohl die Datei als UTF-8 gelesen wird',
  'sql-text-column': ({ table, column, cell }) =>
    `die Spalte \`${column}\` der Tabelle \`${table}\` enthält Text, nicht nur Zahlen: \`${cell}\` ist keine Zahl`,
  'field-duplicate-id': ({ id }) => `das Handlungsfeld \`${id}\` steht zweimal in der Liste`,
  'yaml-unknown-tag': ({ tag }) => `das Tag \`${tag}\` hat in einer Projektdatei keine Bedeutung`,
  'file-utf16': () => 'diese Datei ist UTF-16-Text; Projektdateien sind UTF-8',
  'init-not-folder': () => 'das ist eine Datei, kein Ordner für ein neues Projekt',
  'hint-out-name': () => 'nennen Sie eine Datei mit der Endung .html (oder .pdf), etwa --out reports/bericht.html',
  'hint-out-folder': () =>
    'schreiben Sie den Bericht nach reports/ oder in einen anderen Ordner außerhalb von data/, indicators/, ' +
    'measures/ und .istsoll/',
  'hint-out-foreign': () =>
    'wählen Sie einen anderen Namen, oder verschieben Sie die Datei, wenn sie ersetzt werden darf ' +
    '(istsoll ersetzt nur eigene Berichte)',
  'hint-text-after-quote': () => 'setzen Sie die ganze Zelle in Anführungszeichen und verdoppeln Sie ein " darin ("")',
  'hint-not-utf8': () =>
    'die Datei ist wohl Windows-1252 / Latin-1: setzen Sie `encoding: latin-1` unter `dialect` in data/sources.yaml, ' +
    'oder speichern Sie sie als UTF-8',
  'hint-text-column': ({ column, cell }) =>
    `steht \`${cell}\` für einen fehlenden Wert, nennen Sie es unter \`dialect: { missing: [...] }\` ` +
    'in data/sources.yaml; ' +
    `mit \`columns: { ${column}: DOUBLE }\` dort nennt das Laden die Zeile jeder solchen Zelle`,
  'hint-unique-field': () => 'geben Sie jedem Handlungsfeld eine eigene Kennung',
  'hint-yaml-schema': () =>
    'docs/analysts.md (Maßnahmen: docs/staff.md) beschreibt jeden Schlüssel; ' +
    'ein Editor, der die $schema-Zeile liest, zeigt sie beim Tippen an',
  'hint-yaml-tag': () =>
    'entfernen Sie das Tag (das Wort nach !); ' +
    'Projektdateien enthalten nur Text, Zahlen und Listen, nach Schlüsseln geordnet',
  'hint-save-utf8': () =>
    'speichern Sie die Datei als UTF-8 (in den meisten Editoren: „Speichern unter“, Kodierung UTF-8)',
  'hint-parquet-broken': () =>
    'die Datei ist beschädigt oder keine Parquet-Datei: exportieren Sie sie noch einmal aus ihrer Quelle',
  'hint-inspect-file': () => 'nennen Sie eine CSV- oder Parquet-Datei, etwa `istsoll inspect data/12411-0015.csv`',
  // Vergleichswerte eines Indikators und die Berichtsgeschichte (Zusammenfassung für den Rat)
  'reference-year-range': ({ year }) => `das Jahr ${year} liegt nicht zwischen 1900 und 2100`,
  'reference-unit-mismatch': ({ unit, expected }) =>
    `der Vergleichswert hat die Einheit \`${unit}\`, der Indikator aber \`${expected}\`; beide teilen sich eine Achse`,
  'reference-percent-range': ({ year, value }) => `der Anteil ${value} für ${year} liegt nicht zwischen 0 und 100`,
  'reference-column-missing': ({ table, column, columns }) =>
    `die Tabelle \`${table}\` hat keine Spalte \`${column}\` (vorhanden: ${list(columns)})`,
  'reference-not-numeric': ({ table, column, type }) =>
    `die Spalte \`${column}\` der Tabelle \`${table}\` enthält keine Zahlen (Typ ${type})`,
  'reference-year-twice': ({ table, year, rows }) =>
    `die Tabelle \`${table}\` hat für ${year} ${rows} Zeilen; ein Vergleichswert braucht genau eine Zeile je Jahr`,
  'reference-no-rows': ({ table }) => `in der Tabelle \`${table}\` passt keine Zeile zu \`where\``,
  'history-unreadable': ({ file, reason }) =>
    `die frühere Berichtsfassung ${file} ist nicht lesbar (${reason}) und wird beim Vergleich übergangen`,
  'hint-reference-year': () => 'schreiben Sie die Jahre als Schlüssel, z. B. `values: { 2023: 61.9, 2024: 62.2 }`',
  'hint-reference-unit': ({ unit }) =>
    `rechnen Sie die Werte in die Einheit \`${unit}\` um, oder lassen Sie \`unit\` weg`,
  'hint-reference-where': () =>
    'wählen Sie mit `where` genau eine Zeile je Jahr aus, z. B. `where: { gebiet: Niedersachsen }`',
  'hint-reference-numeric': () =>
    'geben Sie in data/sources.yaml unter `columns` einen Zahlentyp an (DOUBLE), oder wählen Sie eine andere Spalte',
  'hint-history': () =>
    'löschen Sie die Datei aus reports/history/, wenn sie beschädigt ist; der nächste Bericht legt eine neue an',
  // istsoll serve (issue 17): the preview's forms for targets and measures
  'form-number': ({ field, value }) => `„${field}“: ${value ? `„${value}“ ist keine Zahl` : 'es fehlt eine Zahl'}`,
  'form-missing': ({ field }) => `im Formular fehlt das Feld „${field}“`,
  'form-nothing': () => 'nichts zu ändern: Stand, Notiz und Meilensteine sind wie in der Datei',
  'hint-form-number': () => 'tragen Sie eine Zahl ein, etwa 65 oder 12,5 (für das Zieljahr etwa 2030)',
};

const sqlPart = { expr: 'der Ausdruck (expr)', filter: 'der Filter (filter)' };

const sqlConstructs = {
  subquery: 'eine Unterabfrage (SELECT …)',
  window: 'eine Fensterfunktion (OVER …)',
  lambda: 'ein Lambda-Ausdruck (x -> …)',
  star: 'ein Stern (*, COLUMNS(…))',
  parameter: 'ein Parameter ($1, ?)',
  positional: 'ein Spaltenverweis über die Nummer (#1)',
  subscript: 'der Zugriff auf Elemente einer Liste oder Struktur ([…])',
  collection: 'eine Liste, Struktur oder ein Tupel ([…], {…}, (a, b))',
  nul: 'ein NUL-Zeichen (\\0)',
  try: 'TRY(…), das Fehler stillschweigend in leere Werte verwandelt,',
  grouping: 'GROUPING(…)',
  alias: 'ein Alias (AS …, name := …)',
  'export-state': 'EXPORT_STATE',
  'order-by': 'ORDER BY innerhalb einer Funktion',
  distinct: 'DISTINCT bei einer Funktion, die keine Aggregatfunktion ist,',
  'filter-clause': 'FILTER (WHERE …) bei einer Funktion, die keine Aggregatfunktion ist,',
  other: 'ein Ausdruck dieser Art',
};

const sqlRefusedWhy = {
  environment: ': sie liest Einstellungen oder die Umgebung des Rechners',
  changing: ': ihr Ergebnis hängt vom Zeitpunkt oder vom Zufall ab, nicht von den Daten',
  order: ': ihr Ergebnis hängt von der Reihenfolge der Zeilen ab',
  tables: ': sie liest Tabellen oder Dateien oder führt SQL aus',
  unlisted: ' (sie steht nicht auf der Liste der erlaubten Funktionen)',
};

const schemaRules = {
  identifier: 'ein Name aus Buchstaben, Ziffern und _ (nicht mit einer Ziffer am Anfang)',
  'indicator-id': 'Kleinbuchstaben, Ziffern und _',
  'column-name': 'ein Spaltenname ohne doppelte Anführungszeichen und Zeilenumbrüche',
  'range-order': 'ein Bereich wird als [von, bis] geschrieben',
  'target-one-kind': 'ein Ziel hat genau eines von `value`, `range`, `gap` oder `trend: true`',
  'gap-no-group': 'ein Ziel für den Abstand gilt zwischen den Gruppen; es hat keine `group`',
  'by-once': 'jede Spalte nur einmal',
  // Vergleichswerte eines Indikators
  'reference-year': 'ein Jahr mit vier Ziffern, z. B. 2024',
  'reference-one-kind': 'ein Vergleichswert hat entweder `values` (Werte je Jahr) oder `table` (eine Tabelle)',
  'reference-table-column':
    '`column` und `where` gehören zu `table`: mit `table` ist `column` nötig, ohne `table` sind beide fehl am Platz',
};

const typeNames: Record<string, string> = {
  number: 'eine Zahl',
  string: 'ein Text',
  boolean: 'true oder false',
  object: 'ein Abschnitt mit Schlüsseln',
  array: 'eine Liste',
};

const types = {
  integer: 'eine ganze Zahl',
  number: 'eine Zahl',
  boolean: 'true oder false',
  date: 'ein Datum',
  text: 'ein Text',
};

/** The messages of the YAML parser that staff meet most often, by the parser's error code. */
const yamlErrors: Record<string, string> = {
  DUPLICATE_KEY: 'ein Schlüssel steht doppelt',
  BAD_INDENT: 'die Einrückung stimmt nicht',
  TAB_AS_INDENT: 'eingerückt wird mit Leerzeichen, nicht mit Tabulatoren',
  MISSING_CHAR: 'ein schließendes Zeichen fehlt (etwa ", \' oder ])',
  MULTILINE_IMPLICIT_KEY: 'ein Schlüssel darf nicht über mehrere Zeilen gehen',
  BLOCK_AS_IMPLICIT_KEY: 'ein Schlüssel darf nicht über mehrere Zeilen gehen',
  UNEXPECTED_TOKEN: 'ein Zeichen an unerwarteter Stelle',
  BAD_ALIAS: 'ein Alias (*name) verweist auf nichts',
};

/**
 * Die Gründe und Vermerke der Sonderzeichen der amtlichen
 * Statistik; eigene Gründe eines Projekts bleiben, wie sie sind.
 */
const signs: Record<string, string> = {
  secret: 'geheim oder unbekannt',
  'not-applicable': 'nicht zutreffend',
  later: 'noch nicht verfügbar',
  unreliable: 'zu unsicher für eine Veröffentlichung',
  confidential: 'aus Gründen der Geheimhaltung gesperrt',
  'not-possible': 'nicht möglich',
  'not-meaningful': 'nicht sinnvoll',
  rounded: 'auf null gerundet',
  'limited-reliability': 'eingeschränkte Aussagekraft',
  'flag-unreliable': 'unsicher',
  'flag-f': 'von der Quelle mit f gekennzeichnet',
  provisional: 'vorläufig',
  revised: 'berichtigt',
  estimated: 'geschätzt',
};
const sign = (reason: string) => signs[reason] ?? reason;

const statusWords: Record<Status, string> = {
  achieved: 'erreicht',
  achieved_uncertain: 'erreicht, aber nicht gesichert',
  on_track: 'auf Kurs',
  on_track_uncertain: 'auf Kurs, aber nicht gesichert',
  moderate: 'mäßiger Fortschritt',
  limited: 'geringer Fortschritt',
  deterioration_uncertain: 'Verschlechterung, aber nicht gesichert',
  deterioration: 'Verschlechterung',
  not_assessable: 'nicht bewertbar',
};

export const de: Catalogue = {
  messages,
  status: statusWords,
  measureStatus: {
    geplant: 'geplant',
    laufend: 'laufend',
    umgesetzt: 'umgesetzt',
    verzögert: 'verzögert',
    ausgesetzt: 'ausgesetzt',
    eingestellt: 'eingestellt',
  },
  signs,
  cli: cliDe,
  report: reportDe,
};
