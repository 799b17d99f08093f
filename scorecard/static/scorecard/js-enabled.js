// GOV.UK Frontend's classes for a browser that runs scripts; a file, not an inline script, so
// the Content-Security-Policy needs no 'unsafe-inline' (loaded at the top of <body>, where
// document.body exists and before anything is drawn).
document.body.className += ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' govuk-frontend-supported' : '');
