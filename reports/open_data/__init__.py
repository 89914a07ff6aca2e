"""Open data: the awarded grants as 360Giving data, and the feed of open calls.

Public, read-only, no login. What is published and why:

- **Only awards the public results already show**: decisions with the outcome "awarded" in
  competitions whose results are published. Drafts, rejected, reserve, withdrawn and
  not-yet-published decisions never appear.
- **No personal data.** A team is not a registered organisation and its members are
  private persons: the recipient is the project's initiative group, named after the
  project ("Initiative group of the project «…»") with an identifier built from the grant's.
  No member's name, IIN, phone or e-mail is read at all.
- **Identifiers** (settings, see README "Open data"): a grant is
  ``<OPEN_DATA_GRANT_PREFIX>-<competition slug>-<registration number>``. 360Giving gives each
  publisher a prefix ``360G-…`` when it registers; until GAMO has one, the default
  ``360G-GAMO`` stands in for it, and it must be set to the issued prefix before the file
  is first sent to 360Giving (identifiers must never change afterwards). The funder is
  ``<OPEN_DATA_ORG_ID_SCHEME>-<BIN>`` (org-id.guide style, ``KZ-BIN-051140010597``).
- **Location**: the village the project happens in, with its KATO code as ``geoCode``
  (``geoCodeType`` "KATO") and the district as its description.
- **Language**: Kazakh by default; ``/open-data/ru/…`` and ``/open-data/en/…`` give the same
  data with the portal's own texts (call titles, the group's name) in Russian or English.
  A language is part of the address, never taken from a cookie, so every address always
  answers the same and caches well.
"""
