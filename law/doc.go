// Package law is Prava's model of the data-protection laws it works with:
// which rights each jurisdiction grants, the articles a letter cites, how
// long a company has to answer and how that time is counted, and which
// supervisory authority hears a complaint.
//
// The facts come from the project's LEGAL.md. Where that text marks a fact
// "(verify)", the code comment says so, and the fact lives in one table so
// that it can be changed in one place.
//
// Dates are calendar dates without a time of day: a time.Time at midnight
// UTC. Due computes when an answer is due from the events of a request, and
// says in plain words which rule moved the date and why.
package law
