"""What lasts between visits: the project file, the saved model, scoring new customers and comparing snapshots."""
