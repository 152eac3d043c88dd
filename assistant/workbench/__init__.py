"""The app's services, one module per tab; `assistant.services.Workbench` joins them."""
