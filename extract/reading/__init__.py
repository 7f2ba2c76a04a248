"""Reading articles: files, HTML, JSON; boilerplate and repeated bodies masked; outlets and dates."""
