// Die Wörter der Kommandozeile auf Deutsch: Hilfe, Tabellenköpfe, Fortschritt und Ergebnisse.

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export const cliDe = {
  help: {
    program:
      'Ist/Soll-Analyse für kommunale Integrationskonzepte: Statistiken laden, Indikatoren berechnen, mit den Zielen ' +
      'vergleichen, einen Bericht schreiben.',
    titles: {
      usage: 'Aufruf:',
      options: 'Optionen:',
      commands: 'Befehle:',
      arguments: 'Argumente:',
      globalOptions: 'Globale Optionen:',
    },
    /** How the usage line names the placeholders for options and commands. */
    placeholders: { options: '[Optionen]', command: '[Befehl]' },
    example: 'Beispiel:',
    afterError: '(mit --help erscheint die Hilfe)',
    helpOption: 'Hilfe zu diesem Befehl anzeigen',
    helpCommand: 'Hilfe zu einem Befehl anzeigen',
    version: 'die Version von istsoll anzeigen',
    defaultIs: (value: string) => `(Vorgabe: ${value})`,
    choices: (values: string[]) => `(möglich: ${values.join(', ')})`,
    options: {
      project: 'Projektordner (mit istsoll.yaml, data/, indicators/)',
      db: 'DuckDB-Datei (Vorgabe: <Projekt>/.istsoll/istsoll.duckdb)',
      strict: 'Warnungen (etwa eine negative Anzahl) als Fehler behandeln: der Befehl endet mit Exit-Code 1',
      debug: 'bei unerwarteten Fehlern die technischen Details zeigen',
      lang: 'Sprache der Ausgabe und des Berichts (de oder en)',
      json: 'JSON statt einer Tabelle ausgeben',
      format: 'Ausgabeformat',
      decimalComma: 'CSV für deutsche Tabellenkalkulationen: `;` zwischen den Feldern und Dezimalkomma',
      bom: 'die CSV-Datei mit einer UTF-8-Bytereihenfolgemarke beginnen',
      csv: 'CSV ausgeben: eine Zeile je Ziel, mit der Bewertungsmethode',
      out: 'wohin der Bericht geschrieben wird (Vorgabe: <Projekt>/reports/index.html)',
      pdf: 'den Bericht zusätzlich als PDF drucken, mit einem lokalen Chromium (CHROMIUM_PATH oder /usr/bin/chromium)',
      perField: 'zusätzlich einen Bericht je Handlungsfeld schreiben (index-<Feld>.html)',
      history:
        'ohne Berichtsgeschichte: nicht mit dem letzten Bericht vergleichen und diesen nicht in ' +
        'reports/history/ ablegen',
      name: 'der Name der Stadt, für den Titel',
      value: 'der Zielwert',
      year: 'das Zieljahr',
      group: 'die Gruppe, für die das Ziel gilt (z. B. mit)',
      gap: 'ein Ziel für den Abstand zwischen den Gruppen statt für den Wert',
      field: 'nur die Maßnahmen dieses Handlungsfelds (z. B. sprache)',
      office: 'nur die Maßnahmen der Stellen, deren Name dies enthält (z. B. Integration)',
      statusFilter:
        'nur die Maßnahmen in diesem Stand (geplant, laufend, umgesetzt, verzögert, ausgesetzt, eingestellt)',
      overdue: 'nur die überfälligen Maßnahmen: Enddatum vorbei, aber weder umgesetzt noch eingestellt',
      measuresCsv: 'CSV ausgeben: eine Zeile je Maßnahme',
      status: 'der neue Stand: geplant, laufend, umgesetzt, verzögert, ausgesetzt oder eingestellt',
      note: 'eine kurze Notiz zum Stand (ersetzt die bisherige)',
      milestone: 'ein Meilenstein, mit seiner Nummer (1 für den ersten) oder seinem Datum; mit --done',
      done: 'den mit --milestone genannten Meilenstein als erledigt eintragen',
      by: 'wer den Stand einträgt (steht unter updated.by)',
    },
    args: {
      dir: 'der neue Projektordner (darf nicht existieren oder muss leer sein)',
      file: 'eine CSV-Datei, eine Parquet-Datei oder ein Ordner mit Parquet-Dateien',
      indicator: 'Kennung des Indikators',
      measure: 'Kennung der Maßnahme',
    },
    commands: {
      init: 'einen neuen Projektordner mit kommentierten Vorlagen anlegen',
      load: 'die in data/sources.yaml genannten Dateien in die Datenbank laden',
      compute: 'jeden Indikator für alle Jahre und Aufgliederungen berechnen',
      compare: 'die Indikatoren mit ihren Zielen vergleichen (Abstand, Fortschritt, Trend, Bewertung)',
      report: 'den HTML-Bericht nach reports/index.html schreiben (mit --pdf auch als PDF)',
      run: 'laden, berechnen, vergleichen und den Bericht schreiben, in einem Schritt',
      inspect: 'zeigen, was istsoll in einer Datei erkennt, und einen Eintrag für data/sources.yaml vorschlagen',
      targets: 'die Ziele auflisten oder eines in seiner YAML-Datei ändern',
      targetsList: 'jedes Ziel: Indikator, Gruppe, Jahr, Wert und Zuständigkeit',
      targetsSet: 'einen Zielwert setzen; die Datei behält Kommentare und Aufbau und wird vor dem Schreiben geprüft',
      validate: 'die Projektdateien und das Indikator-SQL prüfen, ohne etwas zu schreiben',
      measures: 'die Maßnahmen auflisten oder den Stand einer Maßnahme in ihrer YAML-Datei eintragen',
      measuresList: 'jede Maßnahme: Handlungsfeld, Stand, Enddatum, Zuständigkeit und nächster Meilenstein',
      measuresSet:
        'den Stand einer Maßnahme eintragen; die Datei behält Kommentare und Aufbau ' +
        'und wird vor dem Schreiben geprüft',
      serve:
        'eine Vorschau des Berichts im Browser zeigen, die sich bei jeder Änderung der Projektdateien erneuert; ' +
        'Ziele und Maßnahmen lassen sich dort über Formulare ändern',
    },
    errors: {
      unknownOption: (option: string) => `unbekannte Option ${option}`,
      unknownCommand: (command: string) => `unbekannter Befehl ${command}`,
      missingArgument: (name: string) => `es fehlt das Argument ${name}`,
      optionArgument: (option: string) => `die Option ${option} braucht einen Wert`,
      requiredOption: (option: string) => `die Option ${option} fehlt`,
      tooManyArguments: 'zu viele Argumente',
      invalidChoice: (value: string, option: string, choices: string) =>
        `${value} ist für ${option} nicht möglich; möglich sind: ${choices}`,
      notANumber: 'erwartet wird eine Zahl wie 65 oder 12,5',
      didYouMean: (word: string) => `Meinten Sie ${word}?`,
    },
  },
  error: 'Fehler',
  warning: 'Warnung',
  hint: 'Tipp',
  unexpected: (detail: string) => `unerwarteter Fehler: ${detail}`,
  table: {
    indicator: 'Indikator',
    year: 'Jahr',
    value: 'Wert',
    cells: 'Zellen',
    series: 'Reihe',
    ist: 'Ist (zuletzt)',
    soll: 'Soll (Ziel)',
    status: 'Bewertung',
    group: 'Gruppe',
    target: 'Ziel',
    owner: 'zuständig',
    gap: 'Abstand',
    all: 'alle',
    rising: 'steigend',
    falling: 'sinkend',
    measure: 'Maßnahme',
    field: 'Handlungsfeld',
    measureStatus: 'Stand',
    due: 'fällig',
    nextMilestone: 'nächster Meilenstein',
    overdue: 'überfällig',
    permanent: 'dauerhaft',
  },
  load: {
    unchanged: (tables: number) => `Laden: ${plural(tables, 'Tabelle', 'Tabellen')} unverändert, nichts neu geladen`,
    loaded: (fresh: number, total: number, list: string, db: string) =>
      `Laden: ${fresh} von ${plural(total, 'Tabelle', 'Tabellen')} geladen (${list}) in ${db}`,
    rows: (table: string, rows: number) => `${table} ${rows} Zeilen`,
    reading: (file: string) => `lese ${file} …`,
    read: (file: string, rows: string, seconds: string) => `${file} gelesen: ${rows} Zeilen in ${seconds} s`,
  },
  summary: (targets: number, targetCounts: string, indicators: number, indicatorCounts: string, method: string) =>
    `${plural(targets, 'Ziel', 'Ziele')} (Methode: ${method}): ${targetCounts}\n` +
    `${plural(indicators, 'Indikator', 'Indikatoren')}, je mit dem schlechtesten Ziel gezählt: ${indicatorCounts}`,
  validated: (sources: number, indicators: number, targets: number, measures: number) =>
    `in Ordnung: ${plural(sources, 'Quelle', 'Quellen')}, ${plural(indicators, 'Indikator', 'Indikatoren')}, ` +
    `${plural(targets, 'Ziel', 'Ziele')}${measures ? `, ${plural(measures, 'Maßnahme', 'Maßnahmen')}` : ''}`,
  reportWritten: (path: string) => `Bericht: ${path}`,
  pdfWritten: (path: string, pages: number) => `PDF: ${path} (${plural(pages, 'Seite', 'Seiten')})`,
  notice: (text: string) => `HINWEIS: ${text}`,
  init: {
    created: (dir: string) => `angelegt: ${dir}`,
    next: (dir: string) =>
      `Als Nächstes:\n  cd ${dir}\n  npm install\n  npm run pruefen\n  npm run bericht\n` +
      'Die Dateien in data/ sind Beispieldaten: durch die eigenen ersetzen (README.md sagt, wie).',
  },
  targets: {
    gap: 'Abstand',
    unchanged: (what: string, value: string) => `unverändert: ${what} ist schon ${value}`,
    added: (what: string, value: string, file: string) => `hinzugefügt: ${what} = ${value} in ${file}`,
    changed: (what: string, before: string, after: string, file: string) =>
      `geändert: ${what} ${before} → ${after} in ${file}`,
  },
  measures: {
    none: 'keine Maßnahmen',
    changed: (id: string, file: string) => `eingetragen: ${id} in ${file}`,
    status: (before: string, after: string) =>
      before === after ? `Stand: ${after} (bestätigt)` : `Stand: ${before} → ${after}`,
    note: 'Notiz: neu',
    milestone: (number: number, date: string) => `Meilenstein ${number} (${date}): erledigt`,
    updated: (date: string, by: string | null) => `aktualisiert am ${date}${by ? ` von ${by}` : ''}`,
  },
  inspect: {
    encoding: (encoding: string, bom: boolean) =>
      `Zeichenkodierung ${encoding}${bom ? ' mit Bytereihenfolgemarke' : ''}`,
    delimiter: (delimiter: string) => `Trennzeichen ${delimiter}`,
    numbers: (decimal: string, thousands: string | null) =>
      `Dezimalzeichen ${decimal}${thousands ? `, Tausendertrennzeichen ${thousands}` : ''}`,
    genesis: (title: number, header: number, first: number, last: number, footer: number | null) =>
      `GENESIS-Tabelle: ${title} Titelzeile(n), ${header} Kopfzeile(n), Daten in den Zeilen ` +
      `${first}–${last}${footer ? `, Fußnoten ab Zeile ${footer}` : ''}`,
    genesisShape: (leading: number, columns: string, levels: number, values: number) =>
      `${leading} Zeilenspalte(n) (${columns}), ${levels} Kopfebene(n) → ${values} Werte in einer langen Tabelle`,
    signs: (preset: string) => `Sonderzeichen nach der Konvention ${preset}`,
    columns: (count: number, rows: number, year: string | null) =>
      `${count} Spalten, ${rows} Datenzeilen; Periodenspalte: ` +
      `${year ?? 'keine gefunden (tragen Sie sie unter year: ein)'}`,
    dashZero:
      'Achtung: nach der amtlichen Konvention steht `-` für genau null; meint diese Quelle mit `-` „keine Angabe“, ' +
      'geben Sie das unter markers an',
    missing: (strings: string[]) => `leere Zellen: ${strings.map((s) => (s ? `„${s}“` : 'leer')).join(', ')}`,
    rowNames: (column: string) =>
      `die erste Spalte (${column}) enthält Zeilennamen eines R-Exports; sie ist keine Periode`,
    problem: (text: string, line: number | null) =>
      `Problem beim Laden${line ? ` (Zeile ${line})` : ''}: ${text} – so lädt der Eintrag noch nicht`,
    warning: (text: string, line: number | null) => `Warnung${line ? ` (Zeile ${line})` : ''}: ${text}`,
    parquet: (count: number) => `Parquet, ${count} Spalten`,
    describe: 'TODO: was die Tabelle enthält',
    paste: 'Unter `sources:` in data/sources.yaml einfügen:',
  },
  // istsoll serve (issue 17): the preview server's lines in the terminal and the words of its page.
  serve: {
    listening: (url: string) => `Vorschau: ${url}`,
    private: 'Die Adresse enthält einen Schlüssel: nur an diesem Rechner öffnen, nicht weitergeben.',
    stop: 'Beenden mit Strg+C.',
    stopped: 'Vorschau beendet.',
    built: (seconds: string) => `Bericht erneuert (${seconds} s)`,
    failed: (error: string) => `Bericht nicht erneuert: ${error}`,
    saved: (what: string) => `gespeichert: ${what}`,
    page: {
      title: (project: string) => `Vorschau: ${project}`,
      heading: 'Vorschau',
      live: 'Die Seite erneuert sich von selbst, sobald eine Datei des Projekts gespeichert wird.',
      updated: (time: string) => `Stand: ${time}`,
      openReport: 'Bericht allein öffnen',
      reportFrame: 'Der Bericht',
      errorTitle: 'Der Bericht kann so nicht erstellt werden',
      errorIntro:
        'Bis der Fehler behoben ist, zeigt die Vorschau keinen Bericht. Nach dem Speichern der korrigierten ' +
        'Datei erscheint er von selbst wieder.',
      unexpected:
        'Ein unerwarteter Fehler in istsoll. Die Einzelheiten stehen im Terminal, ' + 'in dem die Vorschau läuft.',
      file: 'Datei',
      line: 'Zeile',
      column: 'Spalte',
      hint: 'Tipp',
      more: 'Weitere Probleme',
      edit: 'Ziele und Maßnahmen ändern',
      editIntro:
        'Änderungen werden in die YAML-Dateien geschrieben; Kommentare und Aufbau der Dateien bleiben erhalten. ' +
        'Jede Änderung wird vor dem Schreiben geprüft.',
      targets: 'Ziele',
      measures: 'Maßnahmen',
      all: 'alle',
      gap: 'Abstand zwischen den Gruppen',
      value: 'Zielwert',
      year: 'Zieljahr',
      otherYear: 'Ein anderes Zieljahr legt ein weiteres Ziel an; das bisherige bleibt.',
      notEditable: 'Bereichs- und Trendziele werden in der YAML-Datei geändert.',
      status: 'Stand',
      note: 'Notiz',
      milestone: 'Meilenstein erledigt',
      noMilestone: '(keiner)',
      by: 'Eingetragen von',
      save: 'Speichern',
      saved: (what: string) => `Gespeichert: ${what}`,
      unchanged: (what: string) => `Unverändert: ${what}`,
      notSaved: 'Nicht gespeichert',
      forbidden:
        'Zugriff verweigert. Die Vorschau antwortet nur auf die Adresse mit Schlüssel, die istsoll serve im ' +
        'Terminal ausgibt, und nur auf Anfragen von dieser Adresse.',
      notFound: 'Diese Seite gibt es in der Vorschau nicht.',
      methodNotAllowed: 'Diese Anfrage ist hier nicht erlaubt.',
      badForm: 'Das Formular kam unvollständig oder in unerwarteter Form an.',
      tooLarge: 'Die Anfrage ist zu groß.',
    },
  },
};
