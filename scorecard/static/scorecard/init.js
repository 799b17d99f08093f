// Starts GOV.UK Frontend's components (menus, buttons, error summaries). Imported relative to
// this file, so the manifest's hashed names in production still resolve.
import { initAll } from '../govuk/govuk-frontend.min.js'
initAll()
