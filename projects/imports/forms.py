"""The admin's upload form: a file (two for the ANR preset), its kind, a dry run."""

from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from projects.imports.kinds import KINDS
from projects.imports.readers import FORMATS


class ImportUploadForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Type d’enregistrements"),
        choices=[("", _("Deviner d’après l’en-tête du fichier"))]
        + [(kind, importer.label) for kind, importer in KINDS.items()],
        required=False,
    )
    file = forms.FileField(
        label=_("Fichier CSV ou JSON"),
        help_text=_(
            "CSV en UTF-8 (séparateur , ou ;) avec en-tête, ou JSON (liste d’objets)."
        ),
    )
    partners_file = forms.FileField(
        label=_("Fichier des partenaires (consortiums ANR seulement)"),
        required=False,
    )
    file_format = forms.ChoiceField(
        label=_("Format"),
        choices=[("", _("D’après l’extension"))] + [(f, f.upper()) for f in FORMATS],
        required=False,
    )
    source = forms.CharField(
        label=_("Provenance et licence"),
        max_length=255,
        required=False,
        help_text=_(
            "Enregistrée sur chaque fiche créée. Vide : celle du fichier s’il "
            "est connu, sinon son nom."
        ),
    )
    dry_run = forms.BooleanField(
        label=_("Simulation : tout vérifier et compter sans rien enregistrer"),
        required=False,
        initial=True,
    )

    def _file_check(self, name: str):
        upload = self.cleaned_data.get(name)
        limit = settings.IMPORT_MAX_UPLOAD_BYTES
        if upload and upload.size > limit:
            raise forms.ValidationError(
                _("Fichier trop volumineux (%(size)s pour %(limit)s au plus).")
                % {"size": filesizeformat(upload.size), "limit": filesizeformat(limit)}
            )
        return upload

    def clean_file(self):
        return self._file_check("file")

    def clean_partners_file(self):
        return self._file_check("partners_file")

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("kind") == "anr" and not cleaned.get("partners_file"):
            self.add_error(
                "partners_file",
                _(
                    "L’import des consortiums ANR demande aussi le fichier des "
                    "partenaires."
                ),
            )
        return cleaned
