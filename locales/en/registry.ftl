units-title = Production units
unit-new = Register a unit
unit-identity = Identity
unit-activity = Activity
units-found = { $count ->
    [one] { $count } unit
   *[other] { $count } units
}
units-none = No unit matches these filters.
knowledge-based-badge = knowledge-based
products-title = Products
qc-managers-title = Quality-control managers
export-csv = Export CSV
export-xlsx = Export Excel
import-title = Import units
import-file = Spreadsheet (XLSX or CSV)
import-hint = The first row holds the column names, in any of the three languages. Nothing is saved unless every row is valid.
import-encoding = Text encoding of a CSV file
import-submit = Check and import
import-columns = Columns
import-template = Download a template to fill in
import-row = Row
import-whole-file = Whole file
import-column = Column
import-problem = Problem
import-done = { $count ->
    [one] { $count } unit imported.
   *[other] { $count } units imported.
}
import-failed = { $count ->
    [one] Nothing was imported: { $count } problem to correct.
   *[other] Nothing was imported: { $count } problems to correct.
}
hint-national-id = Iran: the 11-digit national ID of the legal entity. Vietnam: the 10-digit enterprise code (a branch adds -001…).
hint-isic = Four-digit ISIC Rev.4 class, e.g. 1050 (dairy products).
field-national-id = National ID
field-name = Name
field-name-fa = Name (Persian)
field-name-en = Name (English)
field-name-vi = Name (Vietnamese)
field-province = Province
field-city = City
field-isic-section = ISIC section
field-isic-division = ISIC division
field-isic-class = ISIC class
field-size-class = Size
field-knowledge-based = Knowledge-based
field-status = Status
field-product-name = Product
field-hs-code = HS code
field-qc-manager-name = QC manager
field-qc-manager-code = QC manager's national code
field-full-name = Full name
field-national-code = National code
field-unit = Unit
field-created-at = Registered
field-updated-at = Last updated
size-micro = Micro
size-small = Small
size-medium = Medium
size-large = Large
status-active = Active
status-idle = Idle
status-closed = Closed
profile-title = Industrial profile of { $province }
profile-leads = Leads the country in { $count } industrial categories.
profile-total = Registered units
profile-by-section = Active units by ISIC section
profile-by-size = Active units by size
profile-by-division = Divisions and national rank
profile-units = Units
profile-rank = National rank
profile-rank-of = rank { $rank }
units-found-capped = More than { $count } units: narrow the search to count them.
