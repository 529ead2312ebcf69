"""Redlines: what changed between two texts of a notice, block by block, then word by word.

The only code that uses diff-match-patch. Structure first (blocks aligned by their text,
changed blocks paired, moves found), words second (diffed only inside changed blocks).
"""
