"""Read a manager's interview notes: numbered sentences, who is speaking, who acts, and what each sentence is.

Everything downstream (both drafters, the grounding check, the UI's highlighting) works from
this analysis, so a plan can always point back to the sentence it came from.

A sentence's `kind` is one of:
  meta         who, when, with whom (the header)
  observation  a shortfall the manager saw (evidence for a deficiency)
  standard     a stated norm with no result of its own ('Company requires >= 90%')
  account      the employee's own explanation (a root cause)
  cause        a reason given in the notes
  action       something someone will do (a responsibility)
  target       a goal with a value and usually a date
  context      anything else
  excluded     injection, biased or sensitive text: kept out of every plan

One module per concern:
  sentences  the records (Sentence, NotesAnalysis, Party), normalising, language, lines cut into sentences
  header     the employee, role and manager from the first lines, and the names they go by, reading
    mail       an email's layout (to, from, subject, quoted or forwarded replies, signatures) and
    forms      a form's layout (labelled fields, label and value rows and columns, CSV pairs, speaker keys)
  parties    who a sentence names, who acts in it, and who speaks it
  labels     what a line's label or a heading says the sentences under it are
  classify   each sentence's kind by the word rules
  analysis   `analyse`: every step in order, the screening, keepout and the reader
"""
from __future__ import annotations

from .analysis import analyse
from .sentences import NotesAnalysis, Party, Sentence, detect_language, normalise

__all__ = ["NotesAnalysis", "Party", "Sentence", "analyse", "detect_language", "normalise"]
