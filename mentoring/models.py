# Models come with this activity's issue.
